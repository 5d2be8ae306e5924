/// The result extensions Pathway's statements carry. The statement builder writes them and the
/// LRS cohort reader reads them back, both by these names, so the two cannot drift apart.
public enum XAPIExtension: String, CaseIterable, Sendable {
    case answer, attempt, seconds, score, retired, run, artifact, checked, words
    case hintsUsed = "hints-used"
    case firstRun = "first-run"
    case bestRun = "best-run"
    case selfScores = "self-scores"
    case firstDraft = "first-draft"
    case packVersion = "pack-version"
    case testedOut = "tested-out"

    /// The extension's IRI under `baseIRI` (the configured base of Pathway's activity ids).
    public func iri(_ baseIRI: String) -> String { baseIRI + "extensions/" + rawValue }
}
