/// How ready a learner is for the role a career path leads to: path completion, skills,
/// portfolio pieces, and the path's steps into the role with what is left.
public struct CareerReadiness: Sendable {
    public struct Step: Sendable {
        public enum Status: String, Sendable { case done, inProgress = "in progress", toDo = "to do", outside = "outside Pathway" }
        public var title: String
        public var status: Status
        /// What is left for this learner, or advice for steps outside the tutor.
        public var remaining: String?
    }

    public var role: String
    public var source: String?
    public var lessonsCompleted: Int
    public var lessonsTotal: Int
    public var skills: [SkillLevel]
    /// Portfolio pieces (reflection steps with an artifact) written and still missing.
    public var artifactsDone: [String]
    public var artifactsMissing: [String]
    /// Modules passed in a placement quiz, by title: counted apart from completed lessons.
    public var modulesTestedOut: [String]
    public var steps: [Step]
    /// The role's levels, most junior first.
    public var levels: [CareerPath.RoleLevel]

    /// One skill below what a level expects.
    public struct SkillGap: Sendable, Equatable {
        public var skill: String
        public var have: Double
        public var need: Double
    }

    /// The learner's level in `skill` (0 when no module builds it).
    public func level(of skill: String) -> Double { skills.first { $0.skill == skill }?.level ?? 0 }

    /// The skills below what level `index` expects, largest gap first.
    public func gap(to index: Int) -> [SkillGap] {
        levels[index].skills.compactMap { skill, need in
            let have = level(of: skill)
            return have + 1e-9 < need ? SkillGap(skill: skill, have: have, need: need) : nil
        }.sorted { ($0.need - $0.have, $1.skill) > ($1.need - $1.have, $0.skill) }
    }

    /// The most senior level whose expectations (and those of every level before it) are met.
    public var reachedLevel: Int? {
        var reached: Int?
        for index in levels.indices {
            guard gap(to: index).isEmpty else { break }
            reached = index
        }
        return reached
    }

    /// The level after the one reached (the first, when none is), or nil when all are met.
    public var nextLevel: Int? {
        let next = (reachedLevel ?? -1) + 1
        return levels.indices.contains(next) ? next : nil
    }

    public var completion: Double { lessonsTotal == 0 ? 0 : Double(lessonsCompleted) / Double(lessonsTotal) }
    /// Skills at the "strong" level, by name.
    public var masteredSkills: [String] { skills.filter { $0.level >= 0.8 }.map(\.name) }

    public init?(path: CareerPath, library: PackLibrary, progress: LearnerProgress) {
        let overview = PathOverview(library: library, progress: progress)
        let tracks = overview.tracks.filter { $0.path.id == path.id }
        guard !tracks.isEmpty else { return nil }
        role = path.career?.role ?? path.title
        source = path.career?.source
        lessonsCompleted = tracks.reduce(0) { $0 + $1.modules.reduce(0) { $0 + $1.lessonsCompleted } }
        lessonsTotal = tracks.reduce(0) { $0 + $1.modules.reduce(0) { $0 + $1.lessonsTotal } }
        skills = SkillLevel.all(library: library, progress: progress)
        levels = path.career?.levels ?? []
        modulesTestedOut = tracks.flatMap(\.modules).filter { $0.state == .testedOut }.map(\.module.title)
        var done: [String] = []
        var missing: [String] = []
        for track in tracks {
            for status in track.modules {
                for lesson in status.module.lessons {
                    for case let step as ReflectionStep in lesson.steps {
                        guard let artifact = step.artifact else { continue }
                        if progress.reflections[.reflection(status.pack, step)] != nil {
                            done.append(artifact)
                        } else {
                            missing.append(artifact)
                        }
                    }
                }
            }
        }
        artifactsDone = done
        artifactsMissing = missing
        steps = (path.career?.steps ?? []).map { step in
            if let advice = step.advice, step.tracks.isEmpty, !step.portfolio {
                return Step(title: step.title, status: .outside, remaining: advice)
            }
            var left: [String] = []
            var started = false
            for id in step.tracks {
                guard let track = tracks.first(where: { $0.track.id == id }) else { continue }
                let doneLessons = track.modules.reduce(0) { $0 + $1.lessonsCompleted }
                let total = track.modules.reduce(0) { $0 + $1.lessonsTotal }
                if doneLessons > 0 { started = true }
                if doneLessons < total { left.append("\(Plural.count(total - doneLessons, "lesson")) of \(track.track.title)") }
            }
            if step.portfolio {
                if !done.isEmpty { started = true }
                if !missing.isEmpty { left.append("portfolio pieces: " + missing.joined(separator: ", ")) }
            }
            let status: Step.Status = left.isEmpty ? .done : (started ? .inProgress : .toDo)
            var remaining = left.isEmpty ? nil : left.joined(separator: "; ")
            if let advice = step.advice { remaining = [remaining, advice].compactMap { $0 }.joined(separator: ". ") }
            return Step(title: step.title, status: status, remaining: remaining)
        }
    }
}
