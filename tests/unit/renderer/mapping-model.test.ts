import { describe, expect, it } from 'vitest'
import {
  applyProposals,
  chainOf,
  commit,
  isChanged,
  mapSource,
  previewExpression,
  setChain,
  setConstant,
  setMapping,
  startHistory,
  undo,
  unmap,
  withChain,
  type Draft
} from '../../../renderer/src/features/mapping/model'
import { IngestFilters } from '../../../shared/domain/ingest-filter-rule'
import { SyncKeys } from '../../../shared/domain/integration'
import { defaultMapping, Mapping } from '../../../shared/domain/mapping'

const draft = (): Draft => ({
  mapping: defaultMapping('Employee'),
  syncKeys: { primary: 'email', secondary: null },
  filters: []
})
const PHONE = "$.phoneNumbers[?type=='work'].value"

describe('mapping edits', () => {
  it('maps a source onto a target, replacing what filled it; one source feeds many targets', () => {
    let m = mapSource(defaultMapping(), 'custom.workPhone', PHONE, 'Work phone')
    m = mapSource(m, 'custom.phone2', PHONE, 'Work phone')
    expect(m.filter((e) => e.source === PHONE)).toHaveLength(2)
    m = mapSource(m, 'displayName', 'email')
    expect(m.filter((e) => e.target === 'displayName')).toEqual([
      { source: 'email', target: 'displayName' }
    ])
    expect(Mapping.safeParse(m).success).toBe(true)
  })

  it('re-mapping the same source keeps its transforms; a new source drops them', () => {
    const m = defaultMapping()
    expect(mapSource(m, 'email', 'email')).toBe(m)
    expect(mapSource(m, 'email', 'displayName').find((e) => e.target === 'email')).toEqual({
      source: 'displayName',
      target: 'email'
    })
  })

  it('keeps a transform chain as transform + transforms and reads it back in order', () => {
    const chain = [
      { kind: 'first' as const },
      { kind: 'trim' as const },
      { kind: 'default' as const, value: 'n/a' }
    ]
    const m = setChain(defaultMapping(), 'displayName', chain)
    const entry = m.find((e) => e.target === 'displayName')
    expect(entry?.transform).toEqual({ kind: 'first' })
    expect(entry?.transforms).toHaveLength(2)
    expect(entry && chainOf(entry)).toEqual(chain)
    expect(
      withChain({ source: 'email', target: 'email', transform: { kind: 'trim' } }, [])
    ).toEqual({ source: 'email', target: 'email' })
    expect(Mapping.safeParse(m).success).toBe(true)
  })

  it('unmaps and sets fixed values', () => {
    const m = setConstant(unmap(defaultMapping(), 'role'), 'role', 'Contractor')
    expect(m.find((e) => e.target === 'role')).toEqual({
      source: 'constant',
      target: 'role',
      transform: { kind: 'constant', value: 'Contractor' }
    })
  })

  it('applies the ticked Smart Mapping proposals, naming custom API field sources', () => {
    const m = applyProposals(
      defaultMapping(),
      [
        {
          source: PHONE,
          target: 'custom.workPhone',
          transforms: [{ kind: 'first' }],
          reason: 'Same name',
          confidence: 0.9,
          status: 'new'
        }
      ],
      new Map([[PHONE, 'Work phone']])
    )
    expect(m.at(-1)).toEqual({
      source: PHONE,
      target: 'custom.workPhone',
      transform: { kind: 'first' },
      sourceName: 'Work phone'
    })
  })
})

describe('undo stack', () => {
  it('undoes edits one at a time and knows when the draft differs from what is saved', () => {
    let h = startHistory(draft())
    expect(isChanged(h)).toBe(false)
    h = commit(h, setMapping(h.present, unmap(h.present.mapping, 'displayName')))
    h = commit(h, { ...h.present, syncKeys: { primary: 'username', secondary: 'email' } })
    expect(h.past).toHaveLength(2)
    expect(isChanged(h)).toBe(true)
    h = undo(h)
    expect(h.present.syncKeys.primary).toBe('email')
    h = undo(h)
    expect(isChanged(h)).toBe(false)
    expect(undo(h)).toBe(h)
  })

  it('records nothing for an edit that changes nothing', () => {
    const h = startHistory(draft())
    expect(commit(h, draft())).toBe(h)
  })

  it('drafts stay valid for the contract', () => {
    const d = draft()
    expect(SyncKeys.safeParse(d.syncKeys).success).toBe(true)
    expect(IngestFilters.safeParse(d.filters).success).toBe(true)
  })
})

describe('preview expressions', () => {
  it('reads standard fields from the raw person and leaves expressions as they are', () => {
    expect(previewExpression('email')).toBe('$.emails[0]')
    expect(previewExpression('firstName')).toBe('$.firstName')
    expect(previewExpression(PHONE)).toBe(PHONE)
    expect(previewExpression('{{firstName}} {{lastName}}')).toBe('{{firstName}} {{lastName}}')
    expect(previewExpression('constant')).toBeNull()
  })
})
