/// Checks of cognitive levels and of the items chosen for placement.
extension PackValidator {
    /// The pack policy's `min_apply_share`, when it sets one.
    func levelDiagnostics() -> [PackDiagnostic] {
        guard let minimum = pack.manifest.policy.minimumApplyShare else { return [] }
        let items = pack.modules.flatMap(\.gradedItems)
        guard !items.isEmpty else { return [] }
        let applied = items.filter { $0.level?.isApplyOrAbove == true }.count
        let share = Double(applied) / Double(items.count)
        guard share + 1e-9 < minimum else { return [] }
        let unlabelled = items.filter { $0.level == nil }.count
        return [diagnostic(.error, "\(applied) of \(items.count) graded items (\(Self.percent(share))) are at apply level or above; the policy's min_apply_share asks for \(Self.percent(minimum))"
            + (unlabelled > 0 ? " (\(unlabelled) have no 'level' and count as recall)" : ""),
            in: manifestFile, at: ["policy", "min_apply_share"])]
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    /// A module's `placement` list must name enough suitable questions of its own lessons;
    /// without a list, a pack that labels levels is told which modules cannot be tested out.
    func placementDiagnostics() -> [PackDiagnostic] {
        var found: [PackDiagnostic] = []
        let usesLevels = pack.modules.contains { $0.gradedItems.contains { $0.level != nil } }
        for module in pack.modules {
            let questions = Dictionary(module.questions.map { ($0.basics.id, $0) }, uniquingKeysWith: { a, _ in a })
            if let listed = module.placement {
                var chosen: [any Question] = []
                for (k, id) in listed.enumerated() {
                    let at: [PathKey] = ["placement", PathKey(k)]
                    guard let question = questions[id] else {
                        found.append(diagnostic(.error, "placement item '\(id)' is not a question of this module's lessons", in: module.file, at: at))
                        continue
                    }
                    if question is TrueFalseQuestion {
                        found.append(diagnostic(.error, "placement item '\(id)' is a true/false question; a guesser gets it right half the time, so placement never uses them", in: module.file, at: at))
                    } else if question.level == .recall {
                        found.append(diagnostic(.warning, "placement item '\(id)' is at recall level; testing out should certify skill (apply or above)", in: module.file, at: at))
                    }
                    chosen.append(question)
                }
                if let problem = Placement.shortfall(of: chosen) {
                    found.append(diagnostic(.error, "module '\(module.id)': the placement list has \(problem)", in: module.file, at: ["placement"]))
                }
            } else if usesLevels, let problem = Placement.shortfall(of: Placement.defaultItems(of: module)) {
                found.append(diagnostic(.warning, "module '\(module.id)' cannot be tested out: it has \(problem) at apply level or above, not counting true/false; add some, or list them in 'placement'", in: module.file, at: ["id"]))
            }
        }
        return found
    }
}
