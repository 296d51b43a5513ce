/** The app id as the browser code needs it (kept equal to src/app-identity by a test). */
export const APP_ID = 't1505_server_software_component';
