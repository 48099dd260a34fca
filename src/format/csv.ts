/** RFC 4180 field: quoted (quotes doubled) only when it holds a comma, a quote or a line break. */
export const csvField = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
