import type { SVGProps } from "react";

// Drawn here: lucide has no judo belt. Every other icon comes from lucide-react.
/** The app's mark: a judo belt with its knot. */
export function LogoMark(props: SVGProps<SVGSVGElement>) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" {...props}>
      <rect width="32" height="32" rx="8" fill="#2563eb" />
      <path d="M4 13.5h24v5H4z" fill="#fff" />
      <path
        d="m14.5 19-3.5 7.5M17.5 19l3.5 7.5"
        stroke="#fff"
        strokeWidth="3.2"
        strokeLinecap="round"
      />
      <rect x="12" y="11.5" width="8" height="9" rx="2" fill="#fff" stroke="#2563eb" strokeWidth="1.5" />
    </svg>
  );
}
