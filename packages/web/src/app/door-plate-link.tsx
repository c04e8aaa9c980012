import { useEffect } from 'react';
import { BootSpin } from '../lib/components/boot-spin';

/**
 * `/h/:code` reached inside the app (after signing in from a scanned plate): the server decides what
 * a door plate shows (the household file for staff who may see it, else the public page, qr.html),
 * so the page is loaded from it afresh. The server never answers `/h/` with this app, so no loop.
 */
export function DoorPlateLink() {
  useEffect(() => {
    window.location.replace(window.location.href);
  }, []);
  return <BootSpin />;
}
