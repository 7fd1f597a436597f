/** Saves `text` as a file the browser downloads (no server: a blob URL, revoked once used). */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the next task; the URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A link target that holds `text` itself, for a download link that works before any click. */
export function textDataUrl(text: string): string {
  return `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`;
}

/** A backup's file name: its key, without the characters file systems refuse. */
export function backupFileName(backupKey: string): string {
  return `${backupKey.replace(/[:/\\]/g, '-')}.txt`;
}
