import Foundation
import Yams

/// Decodes pack files, YAML or JSON by extension, and turns every failure into a diagnostic
/// that names the file, the line and the field.
struct DocumentDecoder {
    /// Files larger than this are refused before parsing.
    var maximumFileSize = 4 * 1024 * 1024

    /// The decoded value, or the diagnostic explaining why it could not be decoded.
    func decode<T: Decodable>(_ type: T.Type, from url: URL, displayPath: String) -> Result<T, PackDiagnostic> {
        let data: Data
        do {
            let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
            guard size <= maximumFileSize else {
                return .failure(PackDiagnostic(.error, file: displayPath,
                    message: "file is \(size) bytes; pack files may be at most \(maximumFileSize) bytes"))
            }
            data = try Data(contentsOf: url)
        } catch {
            return .failure(PackDiagnostic(.error, file: displayPath, message: "cannot read the file: \(error.localizedDescription)"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(PackDiagnostic(.error, file: displayPath, message: "the file is not valid UTF-8 text"))
        }
        return decode(type, text: text, isJSON: url.pathExtension.lowercased() == "json", displayPath: displayPath)
    }

    /// Decodes `text` already read from `displayPath`.
    func decode<T: Decodable>(_ type: T.Type, text: String, isJSON: Bool, displayPath: String) -> Result<T, PackDiagnostic> {
        do {
            if isJSON {
                return .success(try JSONDecoder().decode(T.self, from: Data(text.utf8)))
            }
            return .success(try YAMLDecoder().decode(T.self, from: text))
        } catch let DecodingError.dataCorrupted(context) where context.underlyingError is YamlError {
            return .failure(diagnostic(for: context.underlyingError as! YamlError, displayPath: displayPath))
        } catch let error as DecodingError {
            return .failure(diagnostic(for: error, text: text, displayPath: displayPath))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, displayPath: displayPath))
        } catch {
            return .failure(PackDiagnostic(.error, file: displayPath, message: "cannot parse the file: \(error)"))
        }
    }

    private func diagnostic(for error: DecodingError, text: String, displayPath: String) -> PackDiagnostic {
        let path: [any CodingKey]
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
            message = (place.isEmpty ? "" : "\(place): ") + context.debugDescription
        @unknown default:
            path = []
            message = "\(error)"
        }
        let location = SourceLocator.locate(path, in: text)
        return PackDiagnostic(.error, file: displayPath, line: location?.line, column: location?.column, message: message)
    }

    private func diagnostic(for error: YamlError, displayPath: String) -> PackDiagnostic {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return PackDiagnostic(.error, file: displayPath, line: mark.line, column: mark.column, message: "YAML syntax: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return PackDiagnostic(.error, file: displayPath, line: context.mark.line, column: context.mark.column,
                                  message: "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping")
        default:
            return PackDiagnostic(.error, file: displayPath, message: "YAML: \(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
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
