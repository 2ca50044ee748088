/**
 * Paged, sorted, filtered and searched lists of records (people, SaaS users). Column names are checked
 * against an allowlist in the core before they reach SQL (S21); here they are plain strings so both
 * lists share one shape.
 */
import { z } from 'zod'

export const ColumnType = z.enum(['text', 'number', 'date', 'boolean', 'choice', 'list'])
export type ColumnType = z.infer<typeof ColumnType>

export const ColumnInfo = z.object({
  key: z.string(),
  label: z.string(),
  type: ColumnType,
  sortable: z.boolean(),
  filterable: z.boolean(),
  defaultVisible: z.boolean()
})
export type ColumnInfo = z.infer<typeof ColumnInfo>

export const FILTER_OPS = [
  'eq',
  'neq',
  'contains',
  'starts',
  'empty',
  'not-empty',
  'gt',
  'lt'
] as const
export const ListFilter = z.object({
  column: z.string().min(1).max(80),
  op: z.enum(FILTER_OPS),
  value: z.union([z.string().max(500), z.number(), z.boolean()]).optional()
})
export type ListFilter = z.infer<typeof ListFilter>

export const ListQuery = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
  sort: z
    .object({ column: z.string().min(1).max(80), direction: z.enum(['asc', 'desc']) })
    .optional(),
  /** Free text: prefix match on email/name (indexed) or substring anywhere in email/name. */
  search: z.string().max(200).optional(),
  filters: z.array(ListFilter).max(20).default([])
})
export type ListQuery = z.input<typeof ListQuery>
