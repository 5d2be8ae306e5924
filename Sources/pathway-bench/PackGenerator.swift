import Foundation
import PathwayCore

/// Writes large, valid, deterministic packs for benchmarks.
enum PackGenerator {
    /// A pack of `questions` graded items spread over `modules` modules (one lesson each),
    /// mixing every question type, written as YAML under `folder`.
    static func write(questions: Int, modules: Int, to folder: URL, seed: UInt64 = 42) throws {
        var random = SeededRandom(seed: seed)
        let fm = FileManager.default
        try? fm.removeItem(at: folder)
        try fm.createDirectory(at: folder.appending(path: "modules"), withIntermediateDirectories: true)
        try fm.createDirectory(at: folder.appending(path: "lessons"), withIntermediateDirectories: true)
        var manifest = "format: 1\nid: bench\ntitle: Benchmark pack\nversion: 1.0.0\nauthors: [Bench]\ndescription: Generated.\nlicense: CC0-1.0\nmodules:\n"
        let perModule = max(1, questions / modules)
        var made = 0
        for m in 0..<modules {
            manifest += "  - modules/m\(m).yaml\n"
            try "id: m\(m)\ntitle: Module \(m)\nskills: [product-thinking]\nlessons: [lessons/l\(m).yaml]\n"
                .write(to: folder.appending(path: "modules/m\(m).yaml"), atomically: true, encoding: .utf8)
            var lesson = "id: l\(m)\ntitle: Lesson \(m)\nsteps:\n  - type: text\n    text: |\n      Teaching text for lesson \(m), long enough to look like a paragraph of real prose.\n"
            let count = m == modules - 1 ? questions - made : perModule
            for q in 0..<count {
                lesson += step(id: "m\(m)-q\(q)", kind: Int(random.next() % 7))
            }
            made += count
            try lesson.write(to: folder.appending(path: "lessons/l\(m).yaml"), atomically: true, encoding: .utf8)
        }
        try manifest.write(to: folder.appending(path: "pack.yaml"), atomically: true, encoding: .utf8)
    }

    private static func step(id: String, kind: Int) -> String {
        let common = "    id: \(id)\n    prompt: \"Question \(id): which of these is right?\"\n    explanation: \"Because it is.\"\n    hints: [\"Think.\"]\n"
        switch kind {
        case 0:
            return "  - type: single_choice\n" + common + "    choices:\n      - {text: Right, correct: true}\n      - {text: Wrong one, feedback: No.}\n      - {text: Wrong two, feedback: No.}\n      - {text: Wrong three}\n"
        case 1:
            return "  - type: multiple_select\n" + common + "    choices:\n      - {text: Right, correct: true}\n      - {text: Also right, correct: true}\n      - {text: Wrong, feedback: No.}\n"
        case 2:
            return "  - type: true_false\n" + common + "    answer: true\n    wrong_feedback: No.\n"
        case 3:
            return "  - type: short_text\n" + common + "    answers: [precision, positive predictive value]\n    wrong:\n      - {answer: recall, feedback: No.}\n"
        case 4:
            return "  - type: numeric\n" + common + "    answer: 0.75\n    tolerance: 0.005\n    wrong:\n      - {value: 0.6, feedback: No.}\n"
        case 5:
            return "  - type: ordering\n" + common + "    items: [First, Second, Third, Fourth]\n"
        default:
            return "  - type: matching\n" + common + "    pairs:\n      - {left: A, right: One}\n      - {left: B, right: Two}\n      - {left: C, right: Three}\n"
        }
    }
}
