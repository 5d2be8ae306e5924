extension PackScaffold {
    /// A lesson with one step of every standard type, each key explained.
    static func lesson(id: String) -> String {
        """
        # A lesson: an ordered list of steps. Text fields are Markdown (**bold**, *italic*,
        # `code`, lists). Step ids key learners' progress: keep them when you edit the text.

        id: "\(id)-first-lesson"
        title: "A first lesson"
        # Optional: estimated minutes, and the sources the lesson draws on.
        minutes: 10
        sources:
          - "Where the content comes from (a book, an article, a URL)."
        steps:
          # text: teaching text, inline ('text') or from a Markdown file in the pack ('file').
          - type: "text"
            text: "Welcome! This lesson shows one step of every type. Replace it with your own."

          # Every question has 'id', 'prompt', 'explanation' (shown after a right answer or when
          # the answer is revealed) and optional 'hints' (revealed one at a time).
          # single_choice: exactly one choice is correct; 'feedback' is shown when a wrong
          # choice is picked.
          - type: "single_choice"
            id: "\(id)-choice"
            prompt: "Which of these is a product decision rather than a modelling decision?"
            choices:
              - text: "Which users see the feature first"
                correct: true
              - text: "The learning rate"
                feedback: "The learning rate is a training setting."
              - text: "The number of layers"
                feedback: "Layers are part of the model's architecture."
            explanation: "Rollout is decided by the product team; the other two are modelling choices."
            hints:
              - "Which one could you decide without training anything?"

          # multiple_select: every correct choice must be picked, and no other.
          - type: "multiple_select"
            id: "\(id)-select"
            prompt: "Which of these are classification metrics?"
            choices:
              - text: "Precision"
                correct: true
              - text: "Recall"
                correct: true
              - text: "Mean squared error"
                feedback: "MSE measures regression error."
            explanation: "Precision and recall count right and wrong class labels."

          # true_false: 'answer' is true or false; 'wrong_feedback' is shown for the wrong value.
          - type: "true_false"
            id: "\(id)-true-false"
            prompt: "A model with 99% accuracy is always useful."
            answer: false
            wrong_feedback: "With 99% negatives, always answering 'no' scores 99%."
            explanation: "Accuracy hides rare classes; look at precision and recall too."

          # short_text: 'answers' are compared ignoring case, spaces and punctuation; 'wrong'
          # lists likely wrong answers with feedback; 'patterns' are optional regular expressions.
          - type: "short_text"
            id: "\(id)-short"
            prompt: "What is the harmonic mean of precision and recall called?"
            answers: ["F1", "F1 score"]
            wrong:
              - answer: "accuracy"
                feedback: "Accuracy counts every right prediction, not a mean of precision and recall."
            patterns: ["f-?1( score)?"]
            explanation: "The F1 score is low when either precision or recall is low."

          # numeric: 'answer' with an optional 'tolerance' (or 'range: [low, high]'), an
          # optional 'unit', and 'wrong' values with feedback.
          - type: "numeric"
            id: "\(id)-number"
            prompt: "A model flags 50 transactions; 40 are fraud. What is its precision?"
            answer: 80
            tolerance: 0.5
            unit: "%"
            wrong:
              - value: 20
                feedback: "That is the share of false alarms."
            explanation: "Precision = 40 / 50 = 80%."

          # ordering: 'items' in the right order; they are always shown shuffled.
          - type: "ordering"
            id: "\(id)-order"
            prompt: "Put the steps of an ML project in order."
            items:
              - "Frame the problem"
              - "Collect data"
              - "Train a model"
              - "Monitor in production"
            explanation: "The problem decides what data to collect; monitoring never ends."

          # matching: each 'left' item matches its 'right' option; 'distractors' match nothing.
          - type: "matching"
            id: "\(id)-match"
            prompt: "Match each artefact to its purpose."
            pairs:
              - left: "Model card"
                right: "Says what the model is for and where it fails"
              - left: "PRD"
                right: "Says what the product must do and why"
            distractors:
              - "Lists the GPUs to buy"
            explanation: "Both documents are read by people outside the team."

          # reflection: free writing saved to the learner's portfolio, not graded; the learner
          # ticks the 'checklist' items the text covers. 'artifact' names the portfolio piece.
          - type: "reflection"
            id: "\(id)-reflection"
            prompt: "Describe an AI feature you would build, for whom, and how you would know it works."
            artifact: "Feature idea"
            checklist:
              - "Names the user and their problem"
              - "Says how success is measured"
            min_words: 50

        """
    }
}
