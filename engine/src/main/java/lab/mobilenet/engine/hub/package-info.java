/**
 * Pretrained weights from the Hugging Face hub (or a mirror), kept in the hub cache in the layout of Python's
 * {@code huggingface_hub} so both tools share one cache: the four sources ({@link lab.mobilenet.engine.hub.HubSource}),
 * the environment ({@link lab.mobilenet.engine.hub.HubConfig}), the cache on disk
 * ({@link lab.mobilenet.engine.hub.HubCache}) and the verified, resumable, locked download
 * ({@link lab.mobilenet.engine.hub.HubDownloader}). No JavaFX, no third-party HTTP library.
 */
package lab.mobilenet.engine.hub;
