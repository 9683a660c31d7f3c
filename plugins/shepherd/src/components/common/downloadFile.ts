/**
 * Hands a file the app fetched (with the user's token, which a plain link could not send) to
 * the browser's download, under the given name.
 */
/**
 * How long a downloaded file's object URL lives: the browser reads the file from it after
 * the click has returned, so revoking it at once may cut the download short.
 */
export const DOWNLOAD_URL_LIFETIME_MS = 60_000;

export function downloadFile(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), DOWNLOAD_URL_LIFETIME_MS);
}
