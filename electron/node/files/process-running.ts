/**
 * Whether a process with this pid runs now (one of another user's counts: EPERM). For files a
 * process leaves behind, named by its pid: those of a process that is gone may be removed.
 */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
