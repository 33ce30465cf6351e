/** Thrown for misuse of the clusterer and for state that does not fit it (a foreign snapshot, log or decision). */
export class StoryClustererError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoryClustererError';
  }
}
