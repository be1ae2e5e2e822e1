import type { CSSProperties } from "react";
import { useTranslation } from "react-i18next";
import { Toaster } from "sonner";
import { setToastView } from "../../lib/notify";
import { Toast } from "./Toast";

// `lib/notify` raises the toasts; this is how they look. Set as this module loads, so before
// the first toast can be raised.
setToastView(Toast);

/** The sidebar's width from 1024 px (Tailwind's w-60), less a margin on each side. */
const TOAST_WIDTH_PX = 240 - 2 * 12;

/**
 * Where the toasts appear: lower left, over the sidebar's empty end, where they cover none
 * of a page's buttons; one under the other rather than piled up, at most three at once (more
 * wait their turn), in a region named "Notifications".
 */
export function Notifications() {
  const { t } = useTranslation();
  return (
    <Toaster
      position="bottom-left"
      expand
      visibleToasts={3}
      gap={8}
      offset={{ left: 12, bottom: 12 }}
      style={{ "--width": `${TOAST_WIDTH_PX}px` } as CSSProperties}
      containerAriaLabel={t("notifications.region")}
    />
  );
}
