/** What a form e-mail (a web form posted as JSON by mail: Google Forms, AAP's editorial form) says of its story. */
export interface FormFields {
  headline?: string;
  abstract?: string;
  slugline?: string;
  body?: string;
  dateline?: string;
  byline?: string;
  urgency?: number;
  /** The place code the reporter picked ("ADV"). */
  place?: string;
}

/** Longest body read as a form: a form post is a few kilobytes, and JSON.parse of a huge text is not worth trying. */
const MAX_FORM_CHARS = 1024 * 1024;

/**
 * Reads the JSON object a form e-mail carries as its text ({"Headline": ["…"], "Body": ["…"], …}: every answer a
 * list of strings), or undefined when the text is not such an object. Form mailers wrap long lines, which can
 * leave raw line breaks inside JSON strings: they are escaped before parsing.
 */
export function readFormEmail(text: string): FormFields | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}') || trimmed.length > MAX_FORM_CHARS) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(escapeControlsInStrings(trimmed));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const answers = new Map(Object.entries(parsed).map(([key, value]) => [key.trim().toLowerCase(), firstAnswer(value)]));
  if (!answers.has('headline') && !answers.has('body')) return undefined;
  const urgency = Number(answers.get('urgency') ?? answers.get('news value'));
  const fields: FormFields = {
    headline: answers.get('headline'),
    abstract: answers.get('abstract'),
    slugline: answers.get('slugline'),
    body: answers.get('body'),
    dateline: answers.get('dateline'),
    // The reporter who filled the form; the sender is the form service.
    byline: answers.get('byline') ?? answers.get('username') ?? answers.get('email address'),
    urgency: Number.isInteger(urgency) && urgency >= 1 && urgency <= 9 ? urgency : undefined,
    place: answers.get('place'),
  };
  return fields;
}

/** The first non-empty answer: forms send every field as a list, unanswered ones as [""]. */
function firstAnswer(value: unknown): string | undefined {
  const values = Array.isArray(value) ? value : [value];
  for (const entry of values) {
    if ((typeof entry === 'string' || typeof entry === 'number') && String(entry).trim() !== '') return String(entry).trim();
  }
  return undefined;
}

/** JSON text with raw control characters inside strings written as escapes; one pass, outside strings untouched. */
export function escapeControlsInStrings(json: string): string {
  let out = '';
  let runStart = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (inString && code === 0x5c) {
      i++; // an escape: the next character is taken as it is
    } else if (code === 0x22) {
      inString = !inString;
    } else if (inString && code < 0x20) {
      out += json.slice(runStart, i) + `\\u${code.toString(16).padStart(4, '0')}`;
      runStart = i + 1;
    }
  }
  return out + json.slice(runStart);
}
