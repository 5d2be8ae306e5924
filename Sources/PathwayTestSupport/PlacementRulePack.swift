import Foundation

/// A pack for placement tests, written as YAML: pack `rule`, whose one module (`m`, "Metrics")
/// has one lesson holding a numeric item (`n1`, answer 7.5) and five four-option single-choice
/// items (`c1`…`c5`, the right choice listed first), all at apply level; and the path
/// `rule-path` with the track `metrics`, then any `extraTracks` (id, title, pack).
public enum PlacementRulePack {
    public static func write(into packs: URL, extraTracks: [(id: String, title: String, pack: String)] = []) throws {
        func write(_ text: String, _ path: String) throws {
            let file = packs.appending(path: "rule/" + path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        let choices = (1...5).map { n in """
              - type: single_choice
                id: c\(n)
                level: apply
                prompt: "A churn case, question \(n): which metric do you watch first?"
                choices:
                  - text: Net revenue retention for cohort \(n)
                    correct: true
                  - text: Page views for cohort \(n)
                    feedback: A vanity figure here.
                  - text: Total sign-ups for cohort \(n)
                    feedback: Sign-ups say nothing of churn.
                  - text: Server uptime for cohort \(n)
                    feedback: Uptime is an input, not the outcome.
                explanation: Retention is the outcome churn moves.
            """ }.joined(separator: "\n")
        try write("""
            format: 1
            id: rule
            title: Rule pack
            version: 1.0.0
            authors: [Tester]
            description: One module with six apply-level items.
            license: CC0-1.0
            modules: [modules/m.yaml]
            """, "pack.yaml")
        try write("id: m\ntitle: Metrics\nlessons: [lessons/l.yaml]\n", "modules/m.yaml")
        try write("""
            id: l
            title: Metrics in a case
            steps:
              - type: numeric
                id: n1
                level: apply
                prompt: "Of 400 customers, 30 left this month. What is the monthly churn, in percent?"
                answer: 7.5
                tolerance: 0.05
                unit: percent
                explanation: 30 / 400 = 7.5%.
            \(choices)
            """, "lessons/l.yaml")
        let tracks = ([(id: "metrics", title: "Metrics", pack: "rule")] + extraTracks).map { track in
            "  - id: \(track.id)\n    title: \(track.title)\n    pack: \(track.pack)"
        }.joined(separator: "\n")
        try write("format: 1\nid: rule-path\ntitle: Rule path\ntracks:\n" + tracks + "\n", "paths/rule-path.yaml")
    }
}
