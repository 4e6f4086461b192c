import type { Response } from 'express';
import { html, SafeHtml, type HtmlPart } from './html';

/** Where the pages' one stylesheet is served (the pages load nothing else). */
export const STYLESHEET_PATH = '/pages/style.css';

/**
 * The pages' Content-Security-Policy: their stylesheet from this origin and nothing else; no
 * script at all, forms post only here, no framing, no <base>.
 */
export const PAGE_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export const STYLESHEET = `:root { color-scheme: light dark; --accent: #1f5fbf; --error: #b3261e; --ok: #1e6b34; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: Canvas; color: CanvasText; }
main { max-width: 34rem; margin: 2rem auto; padding: 0 1rem 2rem; }
.brand { font-weight: 700; letter-spacing: .02em; margin: 0 0 1.5rem; color: var(--accent); }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.15rem; margin: 0 0 .5rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0 0 1.5rem; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
.note { white-space: pre-wrap; overflow-wrap: anywhere; border-left: 3px solid GrayText; padding-left: .75rem; margin: 0 0 1.5rem; }
section { border: 1px solid GrayText; border-radius: 8px; padding: 1rem; margin: 0 0 1rem; }
label { display: block; font-weight: 600; margin: .75rem 0 .25rem; }
input { display: block; width: 100%; font: inherit; padding: .5rem; border: 1px solid GrayText; border-radius: 4px; background: Field; color: FieldText; }
input[readonly] { border-style: dashed; }
input[aria-invalid="true"] { border: 2px solid var(--error); }
.hint { font-size: .9rem; margin: .25rem 0 0; }
.field-error { color: var(--error); font-size: .95rem; margin: .25rem 0 0; }
button { font: inherit; font-weight: 600; margin-top: 1rem; padding: .55rem 1.2rem; border-radius: 4px; border: 2px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
button.secondary { background: transparent; color: CanvasText; border-color: GrayText; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.alert { border: 2px solid var(--error); border-radius: 8px; padding: .75rem 1rem; margin: 0 0 1rem; }
.success { border: 2px solid var(--ok); border-radius: 8px; padding: .75rem 1rem; margin: 0 0 1rem; }
a { color: var(--accent); }
`;

/** A whole page: one heading saying what the link is for, then the body. */
export function layout(title: string, body: HtmlPart): SafeHtml {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>${title} · Orgraph</title>
        <link rel="stylesheet" href="${STYLESHEET_PATH}" />
      </head>
      <body>
        <main>
          <p class="brand">Orgraph</p>
          <h1>${title}</h1>
          ${body}
        </main>
      </body>
    </html> `;
}

/**
 * Sends a page with the headers every page carries: its CSP, never cached (a token is in the
 * URL and the form), no Referer (the token would leak to any link's target), not indexed.
 */
export function sendPage(res: Response, status: number, page: SafeHtml, headers: Record<string, string> = {}): void {
  res
    .status(status)
    .set({
      'Content-Security-Policy': PAGE_CSP,
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'X-Robots-Tag': 'noindex, nofollow',
      ...headers,
    })
    .type('html')
    .send(page.value);
}

/** A problem the person can act on, announced to screen readers as the page loads. */
export const alert = (message: HtmlPart) => html`<div class="alert" role="alert" id="problem"><p>${message}</p></div>`;

/** What went well. */
export const success = (message: HtmlPart) => html`<div class="success" role="status"><p>${message}</p></div>`;

export interface FieldOptions {
  label: string;
  name: string;
  type: 'text' | 'password' | 'email';
  autocomplete: string;
  value?: string;
  error?: string;
  hint?: string;
  readonly?: boolean;
  required?: boolean;
  minlength?: number;
  maxlength?: number;
  /** Unique on the page: a page may hold several forms with fields of the same name. */
  id: string;
}

/** A labelled input, its hint and its error tied to it for assistive technology. */
export function field(o: FieldOptions): SafeHtml {
  const described = [o.hint ? `${o.id}-hint` : null, o.error ? `${o.id}-error` : null].filter(Boolean).join(' ');
  return html`<label for="${o.id}">${o.label}</label>
    <input
      id="${o.id}"
      name="${o.name}"
      type="${o.type}"
      autocomplete="${o.autocomplete}"
      ${o.value !== undefined ? html` value="${o.value}"` : ''}${
        o.readonly ? html` readonly` : ''
      }${o.required ? html` required` : ''}${o.minlength !== undefined ? html` minlength="${o.minlength}"` : ''}${
        o.maxlength !== undefined ? html` maxlength="${o.maxlength}"` : ''
      }${described ? html` aria-describedby="${described}"` : ''}${o.error ? html` aria-invalid="true"` : ''}
    />
    ${o.hint ? html`<p class="hint" id="${o.id}-hint">${o.hint}</p>` : ''}${o.error ? html`<p class="field-error" id="${o.id}-error">${o.error}</p>` : ''}`;
}

/** A hidden input (the token, which form was sent). */
export const hidden = (name: string, value: string) => html`<input type="hidden" name="${name}" value="${value}" />`;

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

/** A moment as people read it, in UTC (the server knows no reader's time zone), with its machine form. */
export function moment(value: string | Date): SafeHtml {
  const date = new Date(value);
  return html`<time datetime="${date.toISOString()}">${DATE_FORMAT.format(date)} UTC</time>`;
}
