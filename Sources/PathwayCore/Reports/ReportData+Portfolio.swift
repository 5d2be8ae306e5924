extension ReportData {
    /// The learner's reflections in curriculum order, then any whose step a pack no longer has
    /// (the writing is the learner's and is never dropped).
    static func portfolio(library: PackLibrary, progress: LearnerProgress) -> [PortfolioArtifact] {
        var artifacts: [PortfolioArtifact] = []
        var placed: Set<ProgressKey> = []
        for pack in library.packs {
            for (module, lesson) in pack.lessons {
                for case let step as ReflectionStep in lesson.steps {
                    let key = ProgressKey.reflection(pack, step)
                    guard let record = progress.reflections[key], placed.insert(key).inserted else { continue }
                    let checked = Set(record.checked)
                    let checklist = step.checklist.enumerated().map {
                        PortfolioArtifact.ChecklistEntry(text: $0.element, checked: checked.contains($0.offset))
                    }
                    artifacts.append(PortfolioArtifact(
                        pack: pack.id, module: module.id, lesson: lesson.id, moduleTitle: module.title, lessonTitle: lesson.title,
                        step: step.reflectionID,
                        title: step.artifact ?? record.artifact ?? lesson.title, prompt: step.prompt, text: record.text,
                        words: ReflectionStep.wordCount(record.text), checklist: checklist,
                        checkedCount: checklist.filter(\.checked).count, checklistTotal: checklist.count,
                        savedAt: record.savedAt, rubric: PortfolioArtifact.rubric(of: step, record: record), firstDraft: record.firstDraft))
                }
            }
        }
        for (key, record) in progress.reflections.sorted(by: { $0.key < $1.key }) where !placed.contains(key) {
            let step = key.id
            artifacts.append(PortfolioArtifact(
                pack: key.pack, module: nil, lesson: nil, moduleTitle: nil, lessonTitle: nil, step: step,
                title: record.artifact ?? step, prompt: nil, text: record.text,
                words: ReflectionStep.wordCount(record.text), checklist: [], checkedCount: 0, checklistTotal: 0,
                savedAt: record.savedAt, firstDraft: record.firstDraft))
        }
        return artifacts
    }
}
