/**
 * The mapping studio for one integration: Webex sources on the left, Roster targets on the right,
 * mapped by dragging (mouse or keyboard) or from each target's dropdown; Smart Mapping, custom API
 * fields, new target fields, transforms, sync keys and filters; every edit undoable; saved after a
 * review of what it would do.
 */
import {
  DndContext,
  DragOverlay,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent
} from '@dnd-kit/core'
import { useEffect, useMemo, useState } from 'react'
import type { SourceField } from '../../../../shared/domain/mapping-studio'
import { useAppStore } from '../../app/store'
import { BackBar } from '../records/RecordParts'
import { ApiFieldDialog } from './ApiFieldDialog'
import { announcements, screenReaderInstructions } from './dnd-announcements'
import { EditTargetFieldDialog } from './EditTargetFieldDialog'
import { FiltersPanel } from './FiltersPanel'
import { createTargetNavigator, TargetKeyboardSensor } from './keyboard-dnd'
import { isChanged, mapSource, setMapping } from './model'
import { NewTargetFieldDialog } from './NewTargetFieldDialog'
import { ReviewDialog } from './ReviewDialog'
import { SmartMappingDialog } from './SmartMappingDialog'
import type { SourceDragData } from './SourceCard'
import { SourceColumn } from './SourceColumn'
import { SyncKeysPanel } from './SyncKeysPanel'
import { TargetColumn } from './TargetColumn'
import type { TargetDropData } from './TargetRow'
import { issuesFor, useValidation } from './use-validation'
import { useUndoShortcut } from './use-undo-shortcut'

type Open =
  | { kind: 'smart' }
  | { kind: 'api-field'; key: string | null }
  | { kind: 'new-field' }
  | { kind: 'edit-field'; key: string }
  | { kind: 'review' }
  | null

export function MappingEditor() {
  const integration = useAppStore((s) =>
    s.integrations.find((i) => i.id === s.mappingIntegrationId)
  )
  const history = useAppStore((s) => s.mappingHistory)
  const catalogError = useAppStore((s) => s.mappingCatalogError)
  const apiFields = useAppStore((s) => s.apiFields)
  const openMapping = useAppStore((s) => s.openMapping)
  const editDraft = useAppStore((s) => s.editDraft)
  const undo = useAppStore((s) => s.undoMappingEdit)
  const [open, setOpen] = useState<Open>(null)
  const [dragging, setDragging] = useState<SourceField | null>(null)
  const [savedNote, setSavedNote] = useState(false)
  const validation = useValidation(history?.present ?? null)
  const navigator = useMemo(() => createTargetNavigator(), [])
  const sensors = useSensors(
    // A small distance keeps clicks on the cards' neighbours plain clicks.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TargetKeyboardSensor, { navigator })
  )
  useUndoShortcut(open === null, undo)

  useEffect(() => {
    const { loadMappingCatalog, loadRoles } = useAppStore.getState()
    void loadMappingCatalog()
    void loadRoles()
  }, [])

  if (!integration || !history) return null
  const changed = isChanged(history)

  const onDragStart = (e: DragStartEvent) => {
    navigator.reset()
    setSavedNote(false)
    setDragging((e.active.data.current as SourceDragData | undefined)?.source ?? null)
  }
  const onDragEnd = (e: DragEndEvent) => {
    navigator.reset()
    setDragging(null)
    const source = (e.active.data.current as SourceDragData | undefined)?.source
    const target = (e.over?.data.current as TargetDropData | undefined)?.target
    if (!source || !target || !target.mappable) return
    const name = source.group === 'api' ? source.label : undefined
    editDraft((d) => setMapping(d, mapSource(d.mapping, target.key, source.key, name)))
  }

  return (
    <div className="stack mapping-editor" data-testid="mapping-editor">
      <BackBar
        label="Integrations"
        onBack={() => openMapping(null)}
        title={`Mapping of “${integration.name}”`}
      />
      <div className="toolbar mapping-toolbar">
        <button type="button" className="btn" onClick={() => setOpen({ kind: 'smart' })}>
          Smart Mapping
        </button>
        <button
          type="button"
          className="btn"
          disabled={history.past.length === 0}
          aria-keyshortcuts="Control+Z Meta+Z"
          onClick={undo}
        >
          Undo{history.past.length > 0 ? ` (${history.past.length})` : ''}
        </button>
        <span className="toolbar-spacer" />
        <span className="muted" role="status" data-testid="draft-state">
          {changed ? 'Unsaved changes' : savedNote ? 'Saved' : 'No changes'}
        </span>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!changed}
          onClick={() => setOpen({ kind: 'review' })}
        >
          Review and save
        </button>
      </div>
      {catalogError ? (
        <p className="form-error" role="alert">
          {catalogError}
        </p>
      ) : null}
      <DndContext
        sensors={sensors}
        collisionDetection={navigator.collisionDetection}
        accessibility={{ announcements, screenReaderInstructions }}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => {
          navigator.reset()
          setDragging(null)
        }}
      >
        <div className="mapping-columns">
          <SourceColumn
            onNewApiField={() => setOpen({ kind: 'api-field', key: null })}
            onEditApiField={(key) => setOpen({ kind: 'api-field', key })}
          />
          <TargetColumn
            validation={validation}
            onNewField={() => setOpen({ kind: 'new-field' })}
            onEditField={(key) => setOpen({ kind: 'edit-field', key })}
          />
        </div>
        <DragOverlay dropAnimation={null}>
          {dragging ? <div className="source-card source-overlay">{dragging.label}</div> : null}
        </DragOverlay>
      </DndContext>
      <div className="mapping-panels">
        <SyncKeysPanel issues={issuesFor(validation, 'syncKeys')} />
        <FiltersPanel issues={issuesFor(validation, 'filters')} />
      </div>
      {open?.kind === 'smart' ? <SmartMappingDialog onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'api-field' ? (
        <ApiFieldDialog
          field={apiFields.find((f) => f.expression === open.key) ?? null}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open?.kind === 'new-field' ? <NewTargetFieldDialog onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'edit-field' ? (
        <EditTargetFieldDialog fieldKey={open.key} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === 'review' ? (
        <ReviewDialog
          onClose={() => {
            setOpen(null)
            setSavedNote(true)
          }}
        />
      ) : null}
    </div>
  )
}
