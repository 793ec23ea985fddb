import { useEffect, useRef } from 'react';

/**
 * The GOV.UK success banner: says what was saved, in the person's terms, and takes focus when it
 * appears (so a screen reader reads it and a phone scrolls back up to it).
 */
export function NotificationBanner({ message }: { message: string }) {
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => {
    banner.current?.focus();
  }, [message]);
  return (
    <div className="notification-banner notification-banner-success" role="alert" aria-labelledby="notification-banner-title" tabIndex={-1} ref={banner} data-notification>
      <div className="notification-banner-header">
        <h2 id="notification-banner-title">Success</h2>
      </div>
      <div className="notification-banner-content">
        <p className="notification-banner-heading">{message}</p>
      </div>
    </div>
  );
}
