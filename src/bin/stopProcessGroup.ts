const groupIsAlive = (pid: number) => {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

/** SIGTERM to a whole process group, then wait (SIGKILL after `graceMs`) until none of it is left. */
export async function stopProcessGroup(pid: number | undefined, graceMs = 10_000): Promise<void> {
  if (!pid || !groupIsAlive(pid)) return
  process.kill(-pid, 'SIGTERM')
  const deadline = Date.now() + graceMs
  while (groupIsAlive(pid)) {
    if (Date.now() > deadline) process.kill(-pid, 'SIGKILL')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
