import ArgumentParser
import Foundation
import PathwayCore

/// The words after `report` or `portfolio`, read by the same parser on the command line and in
/// the REPL: a format and a file as plain words (`report html out.html`; a file alone picks the
/// format from its extension), or `--format FORMAT` and `--out FILE` (`-o FILE`), in any order.
public struct ReportArguments<Kind: ReportKind>: ParsableArguments {
    @Argument(help: ArgumentHelp("A format, a file to write, or both: FORMAT, FILE or FORMAT FILE (a file alone picks the format from its extension).",
                                 valueName: "format-or-file"))
    public var words: [String] = []

    @Option(help: ArgumentHelp(Kind.registry.formats.map { "\($0.id): \($0.summary)" }.joined(separator: "; ")))
    public var format: String?

    @Option(name: [.customLong("out"), .customShort("o")], help: "Write to this file instead of standard output.")
    public var out: String?

    public init() {}

    /// What the REPL's words after the command ask for, or why they do not make sense.
    public static func request(from words: [String]) throws(ReportWordsError) -> ReportRequest {
        let arguments: Self
        do {
            arguments = try parse(words)
        } catch {
            throw .usage(message(for: error))
        }
        return try arguments.request()
    }

    /// The format and the file these words name.
    public func request() throws(ReportWordsError) -> ReportRequest {
        let registry = Kind.registry
        var rest = words[...]
        let named = rest.first.flatMap { registry.format(id: $0) }
        if named != nil { rest = rest.dropFirst() }
        guard rest.count <= 1 else { throw .tooManyWords(Array(rest), noun: Kind.noun) }
        var chosen = named
        if let option = format {
            guard let optionFormat = registry.format(id: option) else { throw .unknownFormat(option, ids: registry.ids) }
            if let named, named.id != optionFormat.id { throw .formatTwice(word: words[0], option: option) }
            chosen = optionFormat
        }
        if let word = rest.first, let out { throw .fileTwice(word: word, option: out) }
        let file = rest.first ?? out
        if chosen == nil, let file {
            let suffix = URL(fileURLWithPath: file).pathExtension.lowercased()
            // A lone word with no extension is more likely a mistyped format than a file.
            if suffix.isEmpty, out == nil, !file.contains("/") { throw .unknownFormat(file, ids: registry.ids) }
            guard let byName = registry.formats.first(where: { $0.fileExtension == suffix }) else {
                throw .formatFromName(file, noun: Kind.noun, ids: registry.ids)
            }
            chosen = byName
        }
        guard let format = chosen ?? registry.formats.first else { throw .unknownFormat("", ids: []) }
        return ReportRequest(format: format, file: file, namesNothing: chosen == nil && file == nil)
    }
}
