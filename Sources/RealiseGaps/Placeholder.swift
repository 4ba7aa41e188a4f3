public enum RealiseGapsPlaceholder {}
