import Foundation

/// Talks xAPI 1.0.3 to one LRS: POSTs batches of statements and GETs them back.
public struct LRSClient: Sendable {
    public var statementsURL: URL
    public var user: String
    private let authorization: String
    public var transport: any HTTPTransport
    /// Seconds per request.
    public var timeout: TimeInterval

    public init(statementsURL: URL, user: String, password: String, transport: any HTTPTransport = CurlTransport(), timeout: TimeInterval = 30) {
        self.statementsURL = statementsURL
        self.user = user
        authorization = "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
        self.transport = transport
        self.timeout = timeout
    }

    private var headers: [String: String] {
        ["Authorization": authorization, "X-Experience-API-Version": "1.0.3", "Accept": "application/json"]
    }

    /// POSTs `statements` as one JSON array.
    public func post(_ statements: [OutboxStatement]) throws -> HTTPResponse {
        var body = Data("[".utf8)
        for (index, statement) in statements.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body.append(statement.json)
        }
        body.append(UInt8(ascii: "]"))
        var request = HTTPRequest(method: "POST", url: statementsURL, headers: headers, body: body, timeout: timeout)
        request.headers["Content-Type"] = "application/json"
        return try transport.send(request)
    }

    /// GETs `url` (the statements resource with a query, or a `more` link).
    public func get(_ url: URL) throws -> HTTPResponse {
        try transport.send(HTTPRequest(method: "GET", url: url, headers: headers, timeout: timeout))
    }

    /// A `more` link resolved against the LRS's address (it is relative to the server's root).
    public func resolve(more: String) -> URL? {
        URL(string: more, relativeTo: statementsURL)?.absoluteURL
    }

    /// The `detail` or `message` of an error body, cut short, for messages.
    static func reason(_ body: Data) -> String {
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            if let detail = object["detail"] as? String { return detail }
            if let detail = object["detail"] as? [[String: Any]] {
                return detail.prefix(3).map { entry in
                    let location = (entry["loc"] as? [Any])?.dropFirst(2).map { "\($0)" }.joined(separator: ".") ?? ""
                    return (location.isEmpty ? "" : location + ": ") + ((entry["msg"] as? String) ?? "invalid")
                }.joined(separator: "; ")
            }
            if let message = object["message"] as? String { return message }
        }
        let text = String(decoding: body.prefix(300), as: UTF8.self)
        return text.isEmpty ? "no reason given" : TerminalSafeText.sanitize(text)
    }
}
