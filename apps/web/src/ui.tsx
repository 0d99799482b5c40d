import type { AnchorHTMLAttributes, ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { describe, downloadCsv } from './api';
import { onLinkClick } from './router';

export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <a {...props} onClick={onLinkClick} />;
}

/**
 * A page: its title in the tab and as the one h1, which takes the focus when the page opens, so
 * a screen reader announces where you are after every navigation.
 */
export function Page(props: {
  title: string;
  children: ComponentChildren;
  lead?: ComponentChildren;
  /** False where the page puts the focus on its first field itself (a form to fill at once). */
  focusHeading?: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const message = useFlash();
  useEffect(() => {
    document.title = `${props.title} · Gezinsplan`;
    if (props.focusHeading !== false) heading.current?.focus();
  }, [props.title, props.focusHeading]);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {props.title}
      </h1>
      <StatusMessage message={message} />
      {props.lead}
      {props.children}
    </>
  );
}

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => Promise<void>;
}

/** Loads data for a screen; `reload` fetches it again (after a write, for instance). */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({
    loading: true,
  });
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    setState((previous) => ({ ...previous, loading: true }));
    try {
      const data = await run();
      setState({ data, loading: false });
    } catch (error) {
      setState({ error, loading: false });
    }
  }, [run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

export function Loading() {
  return (
    <p role="status" class="muted">
      Laden…
    </p>
  );
}

export function ErrorMessage(props: { error: unknown }) {
  if (!props.error) return null;
  return (
    <div role="alert" class="alert alert-error">
      {describe(props.error)}
    </div>
  );
}

/** A polite announcement (saved, downloaded) that a screen reader reads without moving focus. */
export function StatusMessage(props: { message: string | null }) {
  return (
    <p role="status" class={props.message ? 'alert alert-ok' : 'visually-hidden'}>
      {props.message ?? ''}
    </p>
  );
}

/** A CSV download button with its announcement. */
export function CsvKnop(props: {
  pad: string;
  query?: Record<string, string | undefined>;
  wat: string;
}) {
  const [melding, setMelding] = useState<string | null>(null);
  async function csv() {
    setMelding(null);
    try {
      setMelding(`${await downloadCsv(props.pad, props.query ?? {})} is gedownload.`);
    } catch (error) {
      setMelding(`Downloaden lukte niet: ${describe(error)}`);
    }
  }
  return (
    <>
      <button type="button" class="secondary" onClick={() => void csv()}>
        CSV downloaden<span class="visually-hidden">: {props.wat}</span>
      </button>
      <StatusMessage message={melding} />
    </>
  );
}

/** Shows a loaded value, its error, or that it is loading. */
export function Show<T>(props: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  const { data, error, loading } = props.loaded;
  if (error) return <ErrorMessage error={error} />;
  if (data === undefined) return loading ? <Loading /> : null;
  return <>{props.children(data)}</>;
}

/** A labelled form control, with its hint and error tied to it for screen readers. */
export function Field(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  children: ComponentChildren;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p id={`${props.id}-hint`} class="hint">
          {props.hint}
        </p>
      )}
      {props.children}
      {props.error && (
        <p id={`${props.id}-error`} class="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}

export interface Column<T> {
  header: string;
  cell: (row: T) => ComponentChildren;
  numeric?: boolean;
}

export function DataTable<T>(props: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  empty?: string;
  captionHidden?: boolean;
}) {
  if (props.rows.length === 0) return <p class="muted">{props.empty ?? 'Geen gegevens.'}</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption class={props.captionHidden ? 'visually-hidden' : undefined}>
          {props.caption}
        </caption>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th scope="col" class={column.numeric ? 'num' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              {props.columns.map((column) => (
                <td class={column.numeric ? 'num' : undefined}>{column.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A message for the next page (after a save that navigates away), read out once. */
let flash: string | null = null;
export function setFlash(message: string): void {
  flash = message;
}
export function useFlash(): string | null {
  const [message] = useState(() => {
    const current = flash;
    flash = null;
    return current;
  });
  return message;
}
