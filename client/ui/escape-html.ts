// Escapes text for insertion into HTML: every string from the API goes through it.
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
