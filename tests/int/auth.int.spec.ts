import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'

let aula: TestAula

beforeAll(async () => {
  aula = await startTestAula()
})

afterAll(async () => {
  await aula.close()
})

describe('logging in', () => {
  it('returns a token through REST and shows the roles in /me', async () => {
    const editor = await aula.createUser(['editor'])
    const login = await aula.api.post('/users/login', { email: editor.email, password: editor.password })
    expect(login.status).toBe(200)
    expect(typeof login.body.token).toBe('string')

    const me = await aula.api.get('/users/me', { token: login.body.token })
    expect(me.status).toBe(200)
    expect(me.body.user.email).toBe(editor.email)
    expect(me.body.user.roles).toEqual(['editor'])
  })
})
