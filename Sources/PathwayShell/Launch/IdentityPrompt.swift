import Foundation
import PathwayCore

/// Asks a new learner, once, for the name reports show and the account their learning records
/// are filed under. Either answer may be skipped with Enter; the answers (or the skip) are
/// saved, so the question is never asked again. `pathway profile set` changes them later.
struct IdentityPrompt {
    var store: IdentityStore
    var output: any TextOutput
    /// Reads one line; nil at the end of input.
    var readLine: () -> String?

    /// Asks and saves; returns the identity saved (empty when both were skipped).
    func run() throws -> LearnerIdentity {
        output.line("Welcome to Pathway. Your reports, portfolio and learning records can carry your name.")
        output.write("Your name (Enter to skip): ")
        let name = (readLine() ?? "").trimmingCharacters(in: .whitespaces)
        var identity = LearnerIdentity(displayName: name.isEmpty ? nil : String(name.prefix(200)))
        while true {
            output.write("Your email, or the account name your course gave you (Enter to skip): ")
            let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces)
            if answer.isEmpty { break }
            if answer.contains("@") {
                guard LearnerIdentity.isEmail(answer) else {
                    output.line("That does not look like an email address (like ada@example.org).")
                    continue
                }
                identity.account = .mbox(answer)
            } else {
                identity.account = .account(homePage: LearnerIdentity.defaultHomePage, name: String(answer.prefix(200)))
            }
            break
        }
        try store.save(identity)
        output.line("Saved. Change it any time with: pathway profile set name|email|account …")
        return identity
    }
}
