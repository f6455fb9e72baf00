"""Writes Keras VGG weight files with h5py exactly as Keras writes them, for KerasH5pyFilesTest.

The writing code follows Keras' own saver, keras/saving/legacy/hdf5_format.py (Keras 2.x;
keras/src/legacy/saving/legacy_h5_format.py in Keras 3): save_weights_to_hdf5_group and
save_attributes_to_hdf5_group, reproduced below with only the model objects replaced by plain data.
The weights are drawn here with NumPy, independently of the Java code, and saved beside as .npy
files so the test can compare what the Java reader returns with what was written.

usage: python3 write_keras_vgg.py OUTPUT_DIR
"""
import os
import sys

import h5py
import numpy as np

HDF5_OBJECT_HEADER_LIMIT = 64512  # Keras' constant

# A tiny VGG with Keras' layer names: the shapes of TestNetworks.tinyVgg() (conv1_1, conv2_1, conv2_2).
CONVS = [("block1_conv1", 3, 3, 4), ("block2_conv1", 3, 4, 6), ("block2_conv2", 3, 6, 6)]
LAYERS = ["input_1", "block1_conv1", "block1_pool", "block2_conv1", "block2_conv2", "block2_pool"]


def save_attributes_to_hdf5_group(group, name, data, limit=HDF5_OBJECT_HEADER_LIMIT):
    """Keras' function: attributes above the object header limit are split into name0, name1, ..."""
    bad_attributes = [x for x in data if len(x) > limit]
    if bad_attributes:
        raise RuntimeError("attribute too large")
    data_npy = np.asarray(data)
    num_chunks = 1
    chunked_data = np.array_split(data_npy, num_chunks)
    while any(x.nbytes > limit for x in chunked_data):
        num_chunks += 1
        chunked_data = np.array_split(data_npy, num_chunks)
    if num_chunks > 1:
        for chunk_id, chunk_data in enumerate(chunked_data):
            group.attrs["%s%d" % (name, chunk_id)] = chunk_data
    else:
        group.attrs[name] = data


def save_weights_to_hdf5_group(f, weights, naming, versioned, limit):
    """Keras' function, the layers given as (name, [(weight name, value), ...])."""
    save_attributes_to_hdf5_group(f, "layer_names", [n.encode("utf8") for n in LAYERS], limit)
    if versioned:
        f.attrs["backend"] = "tensorflow".encode("utf8")
        f.attrs["keras_version"] = "2.13.1".encode("utf8")
    for layer in LAYERS:
        g = f.create_group(layer)
        values = weights.get(layer, [])
        if naming == "notop":  # the downloaded file: Keras 1 / Theano-era variable names
            names = [layer + "_W_1:0", layer + "_b_1:0"][: len(values)]
        else:  # TensorFlow variable names, as Keras 2 saves them
            names = [layer + "/kernel:0", layer + "/bias:0"][: len(values)]
        weight_names = [n.encode("utf8") for n in names]
        save_attributes_to_hdf5_group(g, "weight_names", weight_names, limit)
        for name, val in zip(weight_names, values):
            param_dset = g.create_dataset(name, val.shape, dtype=val.dtype)
            if not val.shape:
                param_dset[()] = val
            else:
                param_dset[:] = val


def main(out):
    rng = np.random.RandomState(7)
    weights = {}
    for name, k, cin, cout in CONVS:
        kernel = rng.randn(k, k, cin, cout).astype("float32")  # HWIO, as "tf_kernels" files hold them
        bias = rng.randn(cout).astype("float32")
        weights[name] = [kernel, bias]
        np.save(os.path.join(out, name + "_kernel.npy"), kernel)
        np.save(os.path.join(out, name + "_bias.npy"), bias)
    with h5py.File(os.path.join(out, "notop.h5"), "w") as f:
        save_weights_to_hdf5_group(f, weights, "notop", False, HDF5_OBJECT_HEADER_LIMIT)
    with h5py.File(os.path.join(out, "keras2.h5"), "w") as f:
        save_weights_to_hdf5_group(f, weights, "keras2", True, HDF5_OBJECT_HEADER_LIMIT)
    with h5py.File(os.path.join(out, "full_model.h5"), "w") as f:
        # save_model_to_hdf5: model attributes at the root, the weights under model_weights/
        f.attrs["keras_version"] = "2.13.1".encode("utf8")
        f.attrs["backend"] = "tensorflow".encode("utf8")
        f.attrs["model_config"] = '{"class_name": "Functional"}'.encode("utf8")
        save_weights_to_hdf5_group(f.create_group("model_weights"), weights, "keras2", True, HDF5_OBJECT_HEADER_LIMIT)
    with h5py.File(os.path.join(out, "chunked.h5"), "w") as f:
        # A model with so many layers that layer_names is split (here forced with a small limit).
        save_weights_to_hdf5_group(f, weights, "keras2", True, 40)


if __name__ == "__main__":
    main(sys.argv[1])
