extension Tutor {
    // MARK: Resetting

    /// Forgets every answer, reflection and position in a module. Returns the number of
    /// records removed.
    @discardableResult
    public func reset(pack: Pack, module: Module) -> Int {
        var removed = 0
        for lesson in module.lessons {
            removed += recorded.remove(.lesson(pack, lesson))
            for step in lesson.steps {
                guard let id = step.id else { continue }
                // A review card is not counted: it goes with its answer.
                let key = ProgressKey(pack: pack.id, id: id)
                let cards = progress.cards[key] != nil ? 1 : 0
                removed += recorded.remove(key) - cards
            }
            if progress.current?.pack == pack.id && progress.current?.lesson == lesson.id { recorded.setCurrent(nil) }
            if active?.pack.id == pack.id && active?.lesson.id == lesson.id { mode = .idle }
        }
        persist()
        return removed
    }

    // MARK: Saving

    /// The error of the last failed save, once; nil when the last save worked.
    public func takeSaveFailure() -> (any Error)? {
        defer { saveFailure = nil }
        return saveFailure
    }

    /// Records what changed; a failure is kept for ``takeSaveFailure()`` and the same changes
    /// are retried with the next one.
    public func persist() {
        guard savesProgress, !recorded.changes.isEmpty else { return }
        recorded.touch(at: clock.now)
        do {
            try store.record(recorded.changes, of: progress)
            recorded.markSaved()
            saveFailure = nil
        } catch {
            saveFailure = error
        }
    }

    /// Writes a full snapshot (on exit): the journal starts afresh.
    public func saveSnapshot() {
        guard savesProgress else { return }
        persist()
        do {
            try store.save(progress)
        } catch {
            // Every change is already in the journal; the next start replays it.
            saveFailure = saveFailure ?? error
        }
    }
}
