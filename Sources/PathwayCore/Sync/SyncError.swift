/// Why a sync or an LRS read stopped. Messages never include the password.
public enum SyncError: Error, Equatable, CustomStringConvertible {
    case configuration(String)
    /// 401 or 403.
    case credentials(status: Int, user: String)
    /// Retries ran out on 5xx answers or network failures.
    case unavailable(String)
    /// An answer Pathway cannot use.
    case unexpected(String)

    public var description: String {
        switch self {
        case let .configuration(text): return text
        case let .credentials(status, user):
            return status == 401
                ? "the LRS refused the credentials (HTTP 401): check the user '\(TerminalSafeText.sanitize(user))' and the password file"
                : "the LRS refused access (HTTP 403): user '\(TerminalSafeText.sanitize(user))' may not write statements; ask the LRS's administrator for the statements/write scope"
        case let .unavailable(text): return text
        case let .unexpected(text): return text
        }
    }
}
