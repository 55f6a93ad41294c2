"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/**
 * An inline confirmation behind a button. `open` shows it; `cancel` (or Escape inside it) hides it and gives the focus
 * back to the button that opened it (`opener`); `done` hides it after the action went through.
 */
export function useConfirmStep() {
  const [confirming, setConfirming] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (confirming || !refocus.current) return;
    refocus.current = false;
    opener.current?.focus();
  }, [confirming]);
  return {
    confirming,
    opener,
    open: () => setConfirming(true),
    cancel: () => {
      refocus.current = true;
      setConfirming(false);
    },
    done: () => setConfirming(false),
  };
}

/** The confirmation itself: it takes the focus when it appears, so a screen reader reads the consequence first. */
export function ConfirmBox({
  label,
  consequence,
  onCancel,
  testId,
  children,
}: {
  label: string;
  consequence: ReactNode;
  onCancel: () => void;
  testId?: string;
  children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const consequenceId = useId();
  useEffect(() => box.current?.focus(), []);
  return (
    <div
      ref={box}
      tabIndex={-1}
      role="group"
      aria-label={label}
      aria-describedby={consequenceId}
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
      className="space-y-2 rounded-lg border border-red-200 bg-red-50 p-3"
      data-testid={testId}
    >
      <p id={consequenceId} className="text-red-900">
        {consequence}
      </p>
      <div className="flex gap-2">{children}</div>
    </div>
  );
}
