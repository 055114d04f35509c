package io.github.spndoctor.core.render;

/** The text forms a plan can be previewed, copied and saved in. */
public enum Format {
    /** Plain language: each change, each account at risk, warnings, client steps. */
    SUMMARY("Summary", "txt"),
    /** setspn command lines (-S with a forest-wide check for additions, -D for removals). */
    SETSPN("setspn", "cmd"),
    /** ActiveDirectory module: Set-ADUser / Set-ADComputer / Set-ADServiceAccount -ServicePrincipalNames. */
    POWERSHELL("PowerShell", "ps1"),
    /** LDIF modify records, one value per record, for ldapmodify / ldifde. */
    LDIF("LDIF", "ldif"),
    /** A .reg file with the client registry steps, if the plan has any. */
    REG(".reg", "reg");

    private final String label;
    private final String extension;

    Format(String label, String extension) {
        this.label = label;
        this.extension = extension;
    }

    /** Tab title. */
    public String label() { return label; }

    /** File extension when saved. */
    public String extension() { return extension; }
}
