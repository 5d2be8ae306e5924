import Foundation
import PathwayCore

extension Repl {
    /// Spaced review.
    static var reviewCommands: [Command] {
        [
            Command("review", usage: "review [--forecast]", summary: "review the questions that are due (spaced repetition)",
                    detail: "Every question you have answered comes back for review on a schedule (FSRS) that spaces it out as you remember it. A wrong answer brings it back soon; a quick right answer pushes it further. `review --forecast` shows how many fall due in the next 7 and 30 days.",
                    arguments: { _ in ["--forecast"] }, run: { repl, args in repl.reviewCommand(args) }),
        ]
    }

    private func reviewCommand(_ args: [String]) {
        if args.contains("--forecast") || args.contains("forecast") {
            let forecast = tutor.reviewForecast
            out.line(style.bold("Review forecast"))
            out.line("  Due now          \(forecast.dueNow)")
            out.line("  Within 7 days    \(forecast.dueWithin7Days)")
            out.line("  Within 30 days   \(forecast.dueWithin30Days)")
            out.line("  Cards in all     \(tutor.progress.cards.count)")
            return
        }
        beginReview()
    }

    /// Starts a review of the due cards, or says when the next ones fall due.
    func beginReview() {
        let count = tutor.startReview()
        guard count > 0 else {
            let forecast = tutor.reviewForecast
            guard let next = tutor.nextReviewDue else {
                out.line("No reviews yet: every question you answer in a lesson comes back here for review.")
                return
            }
            let now = tutor.now
            out.line("No reviews are due. The next one is due \(Self.describeDue(next, from: now)) (\(Self.dayAndTime(next, from: now)));"
                     + " \(Plural.count(forecast.dueWithin7Days, "falls", "fall")) due within 7 days.")
            return
        }
        out.line(style.bold("Review: \(Plural.count(count, "question")) due.") + style.dim(" One try each; type stop to end early."))
        showReviewQuestion()
    }

    func showReviewQuestion() {
        guard let (pack, question, presentation) = tutor.currentReviewQuestion(), let state = tutor.review else {
            finishReview()
            return
        }
        out.line()
        out.line(style.cyan("Review \(state.index + 1) of \(state.queue.count)") + style.dim(" · \(type(of: question).displayName) · \(pack.title)"))
        showPrompt(of: question, presentation: presentation)
    }

    /// Handles a line typed during a review.
    func respondInReview(to text: String) {
        if text.lowercased() == "stop" {
            finishReview()
            return
        }
        guard let result = tutor.answerReview(text) else {
            finishReview()
            return
        }
        switch result {
        case let .failure(message):
            out.line(message.text)
        case let .success(outcome):
            out.line((outcome.grade.isCorrect ? style.green("✓ Correct.") : style.red("✗ Not quite.")) + notSavedNote)
            for message in outcome.grade.feedback { out.line(markdown.render(message)) }
            if let answer = outcome.correctAnswer { out.line("The answer: " + style.bold(TerminalSafeText.sanitize(answer))) }
            out.line(style.dim("Next review \(Self.describeDue(outcome.due, from: tutor.now)) (rated \(outcome.rating))."))
            showReviewQuestion()
        }
    }

    private func finishReview() {
        guard let state = tutor.review else { return }
        tutor.endReview()
        out.line()
        out.line(style.green("Review finished: ") + "\(state.right) right, \(state.wrong) to practise again soon.")
        let forecast = tutor.reviewForecast
        out.line(style.dim("\(forecast.dueWithin7Days) due within 7 days. Type next to go on with the path."))
    }

    /// `today at 14:05`, `tomorrow at 09:00` or `on 3 Dec at 09:00`, in the local time zone.
    static func dayAndTime(_ date: Date, from now: Date, calendar: Calendar = .current) -> String {
        let time = date.formatted(Date.FormatStyle(date: .omitted, time: .shortened).locale(Locale(identifier: "en_GB")))
        if calendar.isDate(date, inSameDayAs: now) { return "today at \(time)" }
        if let tomorrow = calendar.date(byAdding: .day, value: 1, to: now), calendar.isDate(date, inSameDayAs: tomorrow) {
            return "tomorrow at \(time)"
        }
        let day = date.formatted(Date.FormatStyle().day().month(.abbreviated).locale(Locale(identifier: "en_GB")))
        return "on \(day) at \(time)"
    }

    static func describeDue(_ due: Date, from now: Date) -> String {
        let seconds = due.timeIntervalSince(now)
        if seconds < 3_600 { return "in \(max(1, Int(seconds / 60))) min" }
        if seconds < 86_400 { return "in \(Int(seconds / 3_600)) h" }
        let days = Int((seconds / 86_400).rounded())
        return "in \(Plural.count(days, "day"))"
    }
}
