public enum FeedbackPlaceholder {}
