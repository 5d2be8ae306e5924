import Foundation
import Yams

/// Decodes pack files, YAML or JSON by extension, and turns every failure into a diagnostic
/// that names the file, the line and the field.
struct DocumentDecoder {
    /// A decoded value with the warnings found on the way.
    struct Decoded<T> {
        var value: T
        var warnings: [PackDiagnostic]
        /// The bytes of text the document expanded to, aliases included.
        var expandedBytes = 0
    }

    /// Files larger than this are refused before parsing.
    var maximumFileSize = 4 * 1024 * 1024
    /// What one document may expand to (aliases included), checked before it is composed.
    var budget = YAMLBudget()

    /// The decoded value and any warnings, or the diagnostic explaining why it could not be decoded.
    func decode<T: Decodable>(_ type: T.Type, from url: URL, displayPath: String) -> Result<Decoded<T>, PackDiagnostic> {
        let text: String
        do {
            text = try PackFileReader.read(url, name: url.lastPathComponent, limit: maximumFileSize)
        } catch {
            return .failure(PackDiagnostic(.error, file: displayPath, message: error.description))
        }
        return decode(type, text: text, displayPath: displayPath)
    }

    /// Decodes `text` already read from `displayPath`. JSON is read by the same parser as YAML
    /// (JSON is YAML), so both get the same limits, sanitising and line numbers.
    func decode<T: Decodable>(_ type: T.Type, text: String, displayPath: String) -> Result<Decoded<T>, PackDiagnostic> {
        do {
            let (composed, cost) = try budget.composeMeasured(text)
            guard let node = composed else {
                return .failure(PackDiagnostic(.error, file: displayPath, message: "the file is empty"))
            }
            let decoder = NodeDecoder()
            let recovered = RecoveredProblems()
            decoder.userInfo[RecoveredProblems.key] = recovered
            let value = try decoder.decode(T.self, from: node)
            // Problems decoding went on past (unknown keys, ...) are errors of the file, reported
            // with whatever else the validator finds in it.
            var warnings = recovered.errors.map { diagnostic(for: $0, root: node, displayPath: displayPath) }
            if let mark = decoder.firstUnsafeMark {
                warnings.append(PackDiagnostic(.warning, file: displayPath, line: mark.line, column: mark.column,
                    message: "\(Plural.count(decoder.unsafeTexts, "text contains", "texts contain")) control characters or terminal escape sequences; they are shown escaped"))
            }
            return .success(Decoded(value: value, warnings: warnings, expandedBytes: cost.bytes))
        } catch let DecodingError.dataCorrupted(context) where context.underlyingError is YamlError {
            return .failure(diagnostic(for: context.underlyingError as! YamlError, displayPath: displayPath))
        } catch let error as DecodingError {
            return .failure(diagnostic(for: error, root: try? budget.compose(text), displayPath: displayPath))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, displayPath: displayPath))
        } catch let exceeded as YAMLBudget.Exceeded {
            return .failure(diagnostic(for: exceeded, displayPath: displayPath))
        } catch let NodeDecoder.Limit.tooManyValues(limit) {
            return .failure(PackDiagnostic(.error, file: displayPath,
                message: "the file expands to more than \(limit) values (YAML aliases that repeat each other?); pack files may not be that large"))
        } catch let NodeDecoder.Limit.tooDeep(limit, mark) {
            return .failure(PackDiagnostic(.error, file: displayPath, line: mark?.line, column: mark?.column,
                message: "values are nested more than \(limit) levels deep"))
        } catch {
            return .failure(PackDiagnostic(.error, file: displayPath, message: "cannot parse the file: \(error)"))
        }
    }

    private func diagnostic(for error: DecodingError, root: Node?, displayPath: String) -> PackDiagnostic {
        let path: [any CodingKey]
        var pointsAtKey = false
        let message: String
        switch error {
        case let .keyNotFound(key, context):
            path = context.codingPath
            let place = SourceLocator.describe(context.codingPath)
            message = "missing required key '\(key.stringValue)'" + (place.isEmpty ? "" : " in \(place)")
                + (context.debugDescription.hasPrefix("a ") ? " (\(context.debugDescription))" : "")
        case let .typeMismatch(type, context):
            path = context.codingPath
            message = "'\(SourceLocator.describe(context.codingPath))' should be \(Self.describe(type))"
        case let .valueNotFound(type, context):
            path = context.codingPath
            message = "'\(SourceLocator.describe(context.codingPath))' is empty; expected \(Self.describe(type))"
        case let .dataCorrupted(context):
            path = context.codingPath
            let place = SourceLocator.describe(context.codingPath)
            pointsAtKey = context.debugDescription.hasPrefix("unknown key")
            message = pointsAtKey ? context.debugDescription + (context.codingPath.count > 1 ? " (in \(SourceLocator.describe(context.codingPath.dropLast())))" : "")
                : (place.isEmpty ? "" : "\(place): ") + context.debugDescription
        @unknown default:
            path = []
            message = "\(error)"
        }
        let location = root.flatMap { SourceLocator.locate(path, in: $0, pointingAtKey: pointsAtKey) }
        return PackDiagnostic(.error, file: displayPath, line: location?.line, column: location?.column, message: message)
    }

    private func diagnostic(for exceeded: YAMLBudget.Exceeded, displayPath: String) -> PackDiagnostic {
        switch exceeded {
        case let .aliasAsKey(line, column):
            return PackDiagnostic(.error, file: displayPath, line: line, column: column,
                message: "an alias (*name) is used as a mapping key; write the key as plain text")
        case let .complexKey(line, column):
            return PackDiagnostic(.error, file: displayPath, line: line, column: column,
                message: "a list or mapping is used as a mapping key; keys must be plain text")
        case let .tooManyNodes(limit):
            return PackDiagnostic(.error, file: displayPath,
                message: "the file expands to more than \(limit) values (YAML aliases that repeat each other?); pack files may not be that large")
        case let .tooManyBytes(limit):
            return PackDiagnostic(.error, file: displayPath,
                message: "the file expands to more than \(limit / 1_048_576) MB of text (YAML aliases that repeat a long text?); pack files may not be that large")
        case let .tooDeep(limit, line, column):
            return PackDiagnostic(.error, file: displayPath, line: line, column: column,
                message: "values are nested more than \(limit) levels deep")
        }
    }

    private func diagnostic(for error: YamlError, displayPath: String) -> PackDiagnostic {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return PackDiagnostic(.error, file: displayPath, line: mark.line, column: mark.column,
                                  message: "YAML syntax: " + YAMLSyntaxAdvice.explain(problem))
        case let .duplicatedKeysInMapping(duplicates, context):
            return PackDiagnostic(.error, file: displayPath, line: context.mark.line, column: context.mark.column,
                                  message: "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping")
        default:
            return PackDiagnostic(.error, file: displayPath, message: "YAML: \(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text; if the text contains ': ' or starts with a symbol, put it in quotes"
        case is Bool.Type: return "true or false"
        case is Int.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is [String].Type: return "a list of texts"
        default:
            let name = String(describing: type)
            if name.contains("Scalar") {
                return "a single value (text, a number or true/false); if it is text containing ': ' or starting with a symbol, put it in quotes"
            }
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") || name.contains("KeyedDecoding") { return "a mapping of keys to values" }
            return "a \(name)"
        }
    }
}

extension DocumentDecoder.Decoded: Sendable where T: Sendable {}
