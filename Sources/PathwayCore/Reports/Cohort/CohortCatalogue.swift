import Foundation

/// Where each lesson and question of the packs sits, computed once per report.
struct CohortCatalogue {
    struct ModuleInfo {
        var pack: String
        var id: String
        var title: String
        var lessonsTotal: Int
        var itemsTotal: Int
        /// The keys of its graded items (questions and scenarios), for the mastery score.
        var gradedItems: [ProgressKey]
        var masteryThreshold: Double
    }

    struct ItemInfo {
        var module: Int
        var moduleID: String
        var lesson: String
        var type: String
        var prompt: String
        /// The position of the question in the packs, for listing statistics in course order.
        var order: Int
        /// For choice and true/false questions: the options as recorded in answers.
        var options: [(text: String, correct: Bool)]
    }

    var modules: [ModuleInfo] = []
    var lessonModule: [ProgressKey: Int] = [:]
    var items: [ProgressKey: ItemInfo] = [:]
    var lessonsTotal = 0
    /// Reflection steps by key, and their position in curriculum order.
    var reflections: [ProgressKey: ReflectionStep] = [:]
    var reflectionOrder: [ProgressKey: Int] = [:]
    /// The title of each reflection step's lesson (a portfolio piece's title when the step names none).
    var reflectionLessons: [ProgressKey: String] = [:]
    /// Scenario steps by key: their title and position in curriculum order.
    var scenarios: [ProgressKey: (title: String, order: Int)] = [:]

    /// The options of a choice or true/false question, with the texts answers record.
    static func options(_ question: any Question) -> [(text: String, correct: Bool)] {
        switch question {
        case let single as SingleChoiceQuestion: single.choices.map { ($0.text, $0.isCorrect) }
        case let multiple as MultipleSelectQuestion: multiple.choices.map { ($0.text, $0.isCorrect) }
        case let trueFalse as TrueFalseQuestion: [("true", trueFalse.answer), ("false", !trueFalse.answer)]
        default: []
        }
    }

    /// Each pack's references by key.
    var references: [String: [String: Reference]] = [:]

    /// The references cited in `texts` (each with the pack it comes from), sorted by pack and key.
    func citedReferences(in texts: [(pack: String, text: String)]) -> [CitedReference] {
        CitedReference.cited(in: texts, references: references)
    }

    init(library: PackLibrary) {
        for pack in library.packs {
            if references[pack.id] == nil { references[pack.id] = pack.manifest.referencesByKey }
            for module in pack.modules {
                let index = modules.count
                let questions = module.lessons.flatMap(\.questions)
                modules.append(ModuleInfo(pack: pack.id, id: module.id, title: module.title, lessonsTotal: module.lessons.count,
                                          itemsTotal: questions.count, gradedItems: Mastery.keys(of: module, in: pack),
                                          masteryThreshold: pack.manifest.policy.masteryThreshold))
                lessonsTotal += module.lessons.count
                for lesson in module.lessons {
                    lessonModule[.lesson(pack, lesson)] = index
                    for case let step as ReflectionStep in lesson.steps {
                        let key = ProgressKey.reflection(pack, step)
                        reflections[key] = step
                        reflectionOrder[key] = reflectionOrder.count
                        reflectionLessons[key] = lesson.title
                    }
                    for case let step as ScenarioStep in lesson.steps {
                        scenarios[.scenario(pack, step)] = (step.title ?? step.scenarioID, scenarios.count)
                    }
                    for question in lesson.questions {
                        items[.question(pack, question)] =
                            ItemInfo(module: index, moduleID: module.id, lesson: lesson.id, type: question.typeName, prompt: question.prompt,
                                     order: items.count, options: Self.options(question))
                    }
                }
            }
        }
    }
}
