import type { Locator, Page } from 'playwright-core'

/**
 * Typing into the admin the way a person does it: only into a field React owns, and checking that
 * what was typed stayed. On a busy machine (CI: two cores shared by the dev server, its worker, jest
 * and the browser) the admin is seconds behind the test, and a step that "usually" waits long
 * enough loses input without an error; the next step then fails far away from the cause. Each
 * helper here waits for the page's own readiness signal, checks its effect, and when it gives up
 * says what the page showed instead.
 */

const STEP_TIMEOUT = 90_000

/** Polls `read` until `done` holds; on timeout, fails saying what it last read (not only "timeout"). */
export async function waitUntil<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = STEP_TIMEOUT, intervalMs = 250 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: T | undefined
  let problem: unknown
  for (;;) {
    try {
      last = await read()
      problem = undefined
      if (done(last)) return last
    } catch (error) {
      problem = error
    }
    if (Date.now() > deadline) {
      const seen = problem ? `reading failed: ${String(problem)}` : `last seen: ${JSON.stringify(last)?.slice(0, 2000)}`
      throw new Error(`Timed out after ${timeoutMs / 1000}s waiting until ${what}; ${seen}`)
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}

/**
 * The element is React's (React attached its props to the node) and, inside a Payload form, the
 * form says it is ready (`data-form-ready`, set once mounted and neither initializing nor saving:
 * the attribute Payload's own browser tests wait for). Before that, input can land in a node React
 * replaces or in state the form is about to reset.
 */
export async function whenReady(locator: Locator, timeoutMs = STEP_TIMEOUT): Promise<void> {
  await locator.waitFor({ timeout: timeoutMs })
  await waitUntil(
    'the element is rendered by React and its form is ready',
    () =>
      locator.evaluate((element) => ({
        react: Object.keys(element).some((key) => key.startsWith('__reactProps$')),
        form: element.closest('[data-form-ready]')?.getAttribute('data-form-ready') ?? 'none',
        disabled: (element as HTMLInputElement).disabled === true,
      })),
    (state) => state.react && state.form !== 'false' && !state.disabled,
    { timeoutMs },
  )
}

/**
 * Fills an input once it is ready, then checks the value is still there a moment later (a form
 * that re-initializes after a late server answer empties it) and fills again if it is not.
 */
export async function fillField(locator: Locator, value: string, attempts = 3): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    await whenReady(locator)
    await locator.fill(value)
    await locator.page().waitForTimeout(300)
    const kept = await locator.inputValue().catch(() => null)
    if (kept === value) return
    if (attempt >= attempts) {
      throw new Error(`Typed ${JSON.stringify(value)} into ${locator} ${attempts} times; it holds ${JSON.stringify(kept)}`)
    }
  }
}

/**
 * Types a date into a date picker's text box and leaves it with Tab, as staff do, then waits until
 * the field shows what was typed. Leaving the field closes the picker and the form re-renders the
 * row around it, and on a busy machine that can replace the input node while Playwright is still
 * pressing on the old one ("element was detached", retried until the step times out). So Tab goes to
 * whatever has the focus, and the value is read from the field as it is now; typed again if lost.
 */
export async function typeDate(input: Locator, text: string, attempts = 3): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    await input.scrollIntoViewIfNeeded()
    await whenReady(input)
    await input.fill(text)
    await input.page().keyboard.press('Tab')
    const shown = await waitUntil(`the date field shows ${JSON.stringify(text)}`, () => input.inputValue(), (value) => value === text, { timeoutMs: 20_000 }).catch(
      () => input.inputValue().catch(() => null),
    )
    if (shown === text) return
    if (attempt >= attempts) throw new Error(`Typed ${JSON.stringify(text)} into ${input} ${attempts} times; it shows ${JSON.stringify(shown)}`)
  }
}

/** Clicks a button once React owns it and its form is ready (a click before that is lost or submits natively). */
export async function clickWhenReady(locator: Locator): Promise<void> {
  await whenReady(locator)
  await locator.click()
}

/**
 * Submits with `button` and waits for the API answer of that submit (`path` in the request URL);
 * anything but a 2xx fails with the answer's body, instead of a later wait timing out.
 */
export async function submitAndExpectOk(page: Page, button: Locator, path: string | RegExp, timeoutMs = STEP_TIMEOUT): Promise<void> {
  await whenReady(button)
  const matches = (url: string) => (typeof path === 'string' ? url.includes(path) : path.test(new URL(url).pathname))
  const [answer] = await Promise.all([
    page.waitForResponse((response) => matches(response.url()) && response.request().method() !== 'GET', { timeout: timeoutMs }),
    button.click(),
  ])
  if (answer.status() >= 300) {
    throw new Error(`${answer.request().method()} ${path} answered ${answer.status()}: ${(await answer.text().catch(() => '')).slice(0, 1000)}`)
  }
}

/**
 * Types into a Lexical rich-text editor at the caret, then waits until the editor shows the text:
 * keystrokes are handled one by one by the editor, later than Playwright sends them on a busy machine.
 */
export async function typeInEditor(page: Page, editor: Locator, text: string): Promise<void> {
  await page.keyboard.type(text)
  await waitUntil(`the editor shows ${JSON.stringify(text)}`, () => editor.innerText(), (shown) => normalizeSpaces(shown).includes(normalizeSpaces(text)))
}

/** Editors and browsers write non-breaking spaces where a person typed spaces. */
export const normalizeSpaces = (text: string) => text.replace(/\u00a0/g, ' ')
