/**
 * Copies text the user asked to copy. The app denies every permission request, so in Electron
 * the clipboard API is refused: the text is then selected in its read-only field and copied with
 * the copy command this click allows. If even that fails the text stays selected for Ctrl+C.
 */
export async function copyText(text: string, field: HTMLTextAreaElement | HTMLInputElement | null): Promise<'copied' | 'selected'> {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    if (!field) return 'selected';
    field.focus();
    field.select();
    return document.execCommand('copy') ? 'copied' : 'selected';
  }
}
