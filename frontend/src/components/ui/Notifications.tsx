import type { CSSProperties } from "react";
import { Toaster } from "sonner";
import { setToastView } from "../../lib/notify";
import { Toast } from "./Toast";

// `lib/notify` raises the toasts; this is how they look. Set as this module loads, so before
// the first toast can be raised.
setToastView(Toast);

/** Where the toasts appear: bottom right, at most four, in a region named "Notifications". */
export function Notifications() {
  return (
    <Toaster
      position="bottom-right"
      visibleToasts={4}
      gap={12}
      offset={24}
      style={{ "--width": "400px" } as CSSProperties}
      containerAriaLabel="Notifications"
    />
  );
}
