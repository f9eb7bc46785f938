// Ink prints only the final frame when it believes it runs under CI; the UI tests read every frame.
delete process.env.CI;
process.env.FORCE_COLOR = '0';
(globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean}).IS_REACT_ACT_ENVIRONMENT = true;
