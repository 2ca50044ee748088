import { describe, expect, it } from 'vitest'
import {
  evaluateExpression,
  parseExpression,
  type Expression
} from '../../../shared/domain/mapping-expression'
import { RAW_ANN } from './fixtures'

const expr = (text: string): Expression => {
  const r = parseExpression(text)
  if (!r.ok) throw new Error(`${text}: ${r.error.message}`)
  return r.expr
}
const ev = (text: string, raw: unknown = RAW_ANN) => evaluateExpression(expr(text), raw)

describe('custom API field paths', () => {
  it('reads dot and bracket paths, with or without $', () => {
    expect(ev('$.department')).toBe('Sales')
    expect(ev('department')).toBe('Sales')
    expect(ev('addresses[0].locality')).toBe('San Jose')
    expect(ev("$['nickName']")).toBe('Annie')
    expect(ev('$.addresses[0]["postalCode"]')).toBe('95134')
    expect(ev('emails[-1]')).toBe('ann@alias.example.com')
    expect(ev('emails[5]')).toBeNull()
    expect(ev('$.nothing.here')).toBeNull()
    expect(ev('$.department.length')).toBeNull()
  })

  it('filters lists with == and != (case-insensitive text, loose booleans)', () => {
    expect(ev("phoneNumbers[?type=='work'].value")).toEqual(['+1 408 555 0101'])
    expect(ev('phoneNumbers[?type != "work"].value')).toEqual(['+1 408 555 0199'])
    expect(ev("phoneNumbers[?type=='WORK'].value")).toEqual(['+1 408 555 0101'])
    expect(ev('phoneNumbers[?primary==true].type')).toEqual(['work'])
    // "false" (a string, as Webex may send it) equals false.
    expect(ev('phoneNumbers[?primary==false].type')).toEqual(['mobile'])
    expect(ev("phoneNumbers[?type=='fax'].value")).toBeNull()
    expect(ev("addresses[?type=='work'].locality")).toEqual(['San Jose'])
  })

  it('wildcards collect every item', () => {
    expect(ev('$.phoneNumbers[*].type')).toEqual(['work', 'mobile'])
    expect(ev('$.sipAddresses.*.value')).toEqual(['ann@example.calls.webex.com'])
    expect(ev('$.emails')).toEqual(['Ann.Lee@Example.com', 'ann@alias.example.com'])
  })

  it('does not reach into the prototype', () => {
    expect(ev('$.constructor')).toBeNull()
    expect(ev('$.__proto__')).toBeNull()
  })
})

describe('templates and constants', () => {
  it('fills {{path}} segments with literal text around them', () => {
    expect(ev('{{firstName}} {{lastName}}')).toBe('Ann Lee')
    expect(ev('{{ lastName }}, {{firstName}} ({{department}})')).toBe('Lee, Ann (Sales)')
    expect(ev("Tel: {{phoneNumbers[?type=='work'].value}}")).toBe('Tel: +1 408 555 0101')
    expect(ev('{{emails}}')).toBe('Ann.Lee@Example.com, ann@alias.example.com')
  })

  it('collapses missing parts and gives null when every segment is empty', () => {
    expect(ev('{{firstName}} {{middleName}} {{lastName}}')).toBe('Ann Lee')
    expect(ev('{{nope}} {{nada}}', {})).toBeNull()
  })

  it('constants are quoted strings; a template without segments is its text', () => {
    expect(ev("'Employee'")).toBe('Employee')
    expect(ev('"Head office"')).toBe('Head office')
    expect(parseExpression("'Employee'").ok && expr("'Employee'").kind).toBe('constant')
  })
})

describe('bad expressions', () => {
  const error = (text: string) => {
    const r = parseExpression(text)
    if (r.ok) throw new Error(`${text} parsed`)
    return r.error
  }

  it('says where and what was expected', () => {
    expect(error('addresses[0.locality')).toMatchObject({ position: 11, expected: '"]"' })
    expect(error('phoneNumbers[?type=work].value')).toMatchObject({ position: 18 })
    expect(error('phoneNumbers[?type==work].value')).toMatchObject({
      position: 20,
      expected: expect.stringContaining('a value') as string
    })
    expect(error('phoneNumbers[?type~"x"]')).toMatchObject({
      position: 18,
      expected: '"==" or "!="'
    })
    expect(error("phoneNumbers[?type=='work")).toMatchObject({ expected: "a closing '" })
    expect(error('{{firstName} {{lastName}}')).toMatchObject({ position: 11 })
    expect(error('Hello {{firstName')).toMatchObject({ position: 17, expected: 'a closing "}}"' })
    expect(error('Hello firstName}}')).toMatchObject({ position: 15 })
    expect(error('{{ }}')).toMatchObject({ expected: 'a field path inside "{{ }}"' })
    expect(error('').position).toBe(0)
    expect(error('$department')).toMatchObject({ position: 1 })
    expect(error('a..b')).toMatchObject({ position: 2, expected: 'a field name' })
    expect(error('a[x]')).toMatchObject({ position: 2 })
    expect(error('first name')).toMatchObject({ position: 6, expected: 'the end of the path' })
  })

  it('messages are plain words with a 1-based position', () => {
    expect(error('addresses[0.locality').message).toBe('Expected "]" at position 12, found "."')
  })

  it('never runs code', () => {
    const r = parseExpression('{{constructor.constructor("return 1")()}}')
    expect(r.ok).toBe(false)
  })
})
