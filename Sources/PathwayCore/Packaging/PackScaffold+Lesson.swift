extension PackScaffold {
    /// A lesson with one step of every standard type, each key explained.
    static func lesson(id: String) -> String {
        """
        # A lesson: an ordered list of steps. Text fields are Markdown (**bold**, *italic*,
        # `code`, lists). Step ids key learners' progress: keep them when you edit the text.

        id: "\(id)-first-lesson"
        title: "A first lesson"
        # Optional: estimated minutes, and the sources the lesson draws on: keys of the
        # references declared in pack.yaml. Cite inline in any text with [@key].
        minutes: 10
        sources: ["example-guide"]
        steps:
          # text: teaching text, inline ('text') or from a Markdown file in the pack ('file').
          - type: "text"
            text: "Welcome! This lesson shows one step of every type [@example-guide]. Replace it with your own."

          # Every question has 'id', 'prompt', 'explanation' (shown after a right answer or when
          # the answer is revealed), optional 'hints' (revealed one at a time) and optional
          # 'level': recall, apply, analyze or evaluate (see docs/authoring.md).
          # single_choice: exactly one choice is correct (or several, with 'any_correct: true',
          # when picking any one of them is right); 'feedback' is shown when a wrong choice is picked.
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
          # A leading 'the', 'a' or 'an' is ignored unless 'keep_articles: true'.
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
            # Optional: a rubric the learner scores their text against (criteria with 2-4
            # levels, lowest first), then a model answer they may compare and revise against.
            rubric:
              - criterion: "Problem and user"
                levels:
                  - "Missing: no named user or problem"
                  - "Partial: a user, but the problem is a solution in disguise"
                  - "Strong: a specific user, a measured pain, and why AI fits it"
              - criterion: "Measure of success"
                levels:
                  - "Missing: no measure"
                  - "Strong: one metric with a target and a guardrail"
            model_answer: |
              Support agents at a retailer spend a third of each shift finding the order a
              customer writes about. A model that suggests the order cuts that time; success is
              median handling time down 20% with no rise in wrong-order replies.

          # scenario: a branching case. Each node is a situation with 2-5 options; each option
          # has a decision 'score' (0-1; every node needs one option at 1.0), a 'consequence',
          # optional 'feedback', and 'next' (the next node; omitted, the case ends). The score
          # is the mean of the decisions taken. Mark an intended way back with 'loop: true'.
          - type: "scenario"
            id: "\(id)-case"
            title: "The launch that slipped"
            level: "evaluate"
            start: "n1"
            nodes:
              - id: "n1"
                text: "Your model misses its quality bar a week before launch. Sales has promised the date."
                options:
                  - text: "Launch to 5% of users behind a flag and measure"
                    score: 1.0
                    consequence: "Sales keeps its date; you learn how the model does on real traffic."
                    next: "n2"
                  - text: "Launch to everyone and fix it later"
                    score: 0.2
                    consequence: "Complaints arrive on day one."
                    feedback: "A full launch puts every user behind the miss."
                    next: "n2"
                  - text: "Cancel the launch"
                    score: 0.4
                    consequence: "Sales escalates; the team loses a month."
              - id: "n2"
                text: "Early numbers are in: error rate 4%, target 2%. What next?"
                options:
                  - text: "Hold the rollout and fix the worst error class"
                    score: 1.0
                    consequence: "Two weeks later the error rate is 1.8%."
                  - text: "Widen the rollout"
                    score: 0.0
                    consequence: "The error rate holds; support tickets double."
            debrief: "A small, measured launch buys information without betting every user on it."

        """
    }
}
