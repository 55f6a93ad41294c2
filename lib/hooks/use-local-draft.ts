import { useCallback, useEffect, useRef, useState } from "react";

function readStored<T>(key: string, parse: (stored: unknown) => T | undefined): T | undefined {
  try {
    const stored = localStorage.getItem(key);
    return stored === null ? undefined : parse(JSON.parse(stored));
  } catch {
    return undefined;
  }
}

function writeStored(key: string, value: unknown) {
  try {
    if (value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the draft still lives in the form.
  }
}

/**
 * A value the user is typing, saved in localStorage under `key` on every change and restored after a reload, a
 * failed write or a closed tab, until `clear()`. `parse` checks what storage holds (another version of the app
 * may have written it). The saved value is read after mount (the server has no localStorage): until then
 * `loaded` is false and `value` is `initial`. `saved` says whether storage holds a draft, `restored` whether one
 * replaced `initial` on load.
 */
export function useLocalDraft<T>(key: string, initial: T, parse: (stored: unknown) => T | undefined) {
  const defaults = useRef({ initial, parse });
  const [state, setState] = useState({ key: "", value: initial, saved: false, restored: false });
  useEffect(() => {
    const stored = readStored(key, defaults.current.parse);
    const found = stored !== undefined;
    setState({ key, value: found ? stored : defaults.current.initial, saved: found, restored: found });
  }, [key]);
  const update = useCallback(
    (value: T) => {
      writeStored(key, value);
      setState((current) => ({ ...current, value, saved: true }));
    },
    [key],
  );
  const clear = useCallback(() => {
    writeStored(key, undefined);
    setState((current) => ({ ...current, value: defaults.current.initial, saved: false, restored: false }));
  }, [key]);
  const { value, saved, restored } = state;
  return { value, update, clear, saved, restored, loaded: state.key === key };
}
