extension Tutor {
    // MARK: Resetting

    /// Forgets every answer, reflection and position in a module. Returns the number of
    /// records removed.
    @discardableResult
    public func reset(pack: Pack, module: Module) -> Int {
        var removed = 0
        for lesson in module.lessons {
            let lessonKey = LearnerProgress.key(pack.id, lesson.id)
            if progress.lessons.removeValue(forKey: lessonKey) != nil { removed += 1 }
            dirty.removed.insert(lessonKey)
            for step in lesson.steps {
                guard let id = step.id else { continue }
                let key = LearnerProgress.key(pack.id, id)
                if progress.items.removeValue(forKey: key) != nil { removed += 1 }
                if progress.reflections.removeValue(forKey: key) != nil { removed += 1 }
                progress.cards[key] = nil
                dirty.removed.insert(key)
            }
            if progress.current?.pack == pack.id && progress.current?.lesson == lesson.id {
                progress.current = nil
                dirty.current = true
            }
            if active?.pack.id == pack.id && active?.lesson.id == lesson.id { active = nil }
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
        guard savesProgress, !dirty.isEmpty else { return }
        progress.updatedAt = clock.now
        do {
            try store.record(dirty, of: progress)
            dirty = ChangeSet()
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
