import ArgumentParser
import Foundation
import PathwayCore

extension Pathway.ProfileCommand {
    /// `pathway profile set name|email|account VALUE`.
    struct SetIdentity: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set the name reports show, or the account your learning records are filed under.",
            discussion: """
            pathway profile set name "Ada Lovelace"     the name on reports, the portfolio and cohort rows
            pathway profile set email ada@example.org   records filed under this address (xAPI mbox)
            pathway profile set account ada42 [--home-page https://lms.example.edu]
                                                        an account on your course's system (xAPI account)
            An instructor can fix the home page for the whole class (PATHWAY_ACCOUNT_HOME_PAGE, or a
            class.json file in the data directory).
            """
        )

        enum Field: String, ExpressibleByArgument, CaseIterable { case name, email, account }

        @OptionGroup var common: CommonOptions
        @Argument(help: "name, email or account.") var field: Field
        @Argument(help: "The value.") var value: String
        @Option(name: .customLong("home-page"), help: "For account: the address of the system the account belongs to.")
        var homePage: String?

        func validate() throws {
            let value = value.trimmingCharacters(in: .whitespaces)
            if value.isEmpty || value.count > 200 || value.contains(where: { $0.isNewline || ($0.asciiValue.map { $0 < 0x20 } ?? false) }) {
                throw ValidationError(IdentityError.badName(value).description)
            }
            if field == .email && !LearnerIdentity.isEmail(value) { throw ValidationError(IdentityError.badEmail(value).description) }
            if let homePage, !LearnerIdentity.isHomePage(homePage) { throw ValidationError(IdentityError.badHomePage(homePage).description) }
            if homePage != nil && field != .account { throw ValidationError("--home-page goes with 'account'") }
        }

        func run() throws {
            let data = try common.resolvedDataDirectory()
            let profile = common.profile ?? data.currentProfile()
            guard Identifier.isValid(profile) else { throw ValidationError(DataDirectoryError.invalidProfile(profile).description) }
            let store = IdentityStore(directory: data.profileDirectory(profile))
            var identity = try store.load() ?? LearnerIdentity()
            let value = value.trimmingCharacters(in: .whitespaces)
            switch field {
            case .name: identity.displayName = value
            case .email: identity.account = .mbox(value)
            case .account: identity.account = .account(homePage: homePage ?? LearnerIdentity.defaultHomePage, name: value)
            }
            try store.save(identity)
            let resolved = try ResolvedIdentity.load(data: data, profile: profile, environment: ProcessInfo.processInfo.environment)
            print("Profile '\(profile)': \(resolved.label), records filed as \(resolved.accountDescription).")
        }
    }

    /// `pathway profile show`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the learner's name and the account records are filed under.")
        @OptionGroup var common: CommonOptions

        func run() throws {
            let data = try common.resolvedDataDirectory()
            let profile = common.profile ?? data.currentProfile()
            let resolved = try ResolvedIdentity.load(data: data, profile: profile, environment: ProcessInfo.processInfo.environment)
            print("profile: \(profile)")
            print("name:    \(resolved.displayName ?? "(not set; reports show \(resolved.label))")")
            print("account: \(resolved.accountDescription)")
        }
    }
}
