/** The longest comment a person may leave (the enrollment field's `maxLength` and the page's textarea use it too). */
export const COMMENT_MAX_LENGTH = 2000
