import PathwayCore

extension Repl {
    /// Commands about the session itself.
    static var sessionCommands: [Command] {
        [
            Command("reload", summary: "read the packs from disk again (after editing one)",
                    run: { repl, _ in repl.reload(because: nil) }),
            Command("quit", aliases: ["exit"], summary: "leave Pathway (your progress is already saved)",
                    run: { repl, _ in repl.finish() }),
        ]
    }

    /// Reads the packs again and reopens the lesson at the same step when it still exists.
    func reload(because reason: String? = nil) {
        guard let reloadLibrary else {
            out.line("Reloading is not available here.")
            return
        }
        if let reason { out.line(style.dim("Reloading: \(reason).")) }
        let reopen = tutor.active.map { ($0.pack.id, $0.lesson.id, $0.step.id) }
        let library = reloadLibrary()
        tutor.replaceLibrary(library)
        for diagnostic in library.diagnostics where diagnostic.severity == .error { errors.line(diagnostic.description) }
        let lessons = library.packs.reduce(0) { $0 + $1.lessons.count }
        out.line("Reloaded \(Plural.count(library.packs.count, "pack")) (\(Plural.count(lessons, "lesson"))).")
        if let (packID, lessonID, stepID) = reopen, let pack = library.pack(id: packID), let found = pack.lesson(id: lessonID) {
            open(pack: pack, module: found.module, lesson: found.lesson, restart: false, at: stepID)
        } else if let (packID, lessonID, _) = reopen {
            errors.line("lesson '\(lessonID)' of pack '\(packID)' is not available after reloading; fix the errors above and save again")
        }
    }
}
