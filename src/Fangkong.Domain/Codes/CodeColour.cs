namespace Fangkong.Domain.Codes;

/// <summary>Health-code colours, ordered by severity so the most severe rule wins.</summary>
public enum CodeColour { Green = 0, Yellow = 1, Red = 2 }
