/// Words after `report` or `portfolio` that do not make one request; `description` says what
/// to type instead.
public enum ReportWordsError: Error, CustomStringConvertible, Equatable {
    case unknownFormat(String, ids: [String])
    case formatTwice(word: String, option: String)
    case fileTwice(word: String, option: String)
    case formatFromName(String, noun: String, ids: [String])
    case tooManyWords([String], noun: String)
    /// ArgumentParser's own message (an unknown option, a missing value).
    case usage(String)

    public var description: String {
        switch self {
        case let .unknownFormat(format, ids):
            return "unknown format '\(format)'; choose one of: \(ids.joined(separator: ", "))"
        case let .formatTwice(word, option):
            return "the format is given twice ('\(word)' and --format \(option)); give it once"
        case let .fileTwice(word, option):
            return "two files are given ('\(word)' and --out \(option)); give one"
        case let .formatFromName(file, noun, ids):
            return "cannot tell the \(noun) format from '\(file)'; name it before the file (\(noun) \(ids.first ?? "md") \(file)); formats: \(ids.joined(separator: ", "))"
        case let .tooManyWords(words, noun):
            return "too many words: \(words.map { "'\($0)'" }.joined(separator: " ")). Usage: \(noun) [FORMAT] [FILE]"
                + " (put a file name with spaces in quotes: \(noun) md \"my \(noun).md\")"
        case let .usage(message):
            return message
        }
    }
}
